package org.holidaydesk.assistant.reply;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A published WhatsApp Flow offered to the guest: which one, the label of the button opening it, the screen it
 * opens at with that screen's data, and the opaque token Meta hands back with the guest's answer.
 *
 * @param flowId    the published Flow's id
 * @param flowToken random and opaque; it carries nothing of the guest
 * @param cta       the button's label in the guest's language (at most 20 characters are shown)
 * @param screen    the screen the Flow opens at
 * @param data      that screen's data
 */
public record FlowInvite(String flowId, String flowToken, String cta, String screen, ObjectNode data) {}
