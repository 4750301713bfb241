package org.holidaydesk.assistant.webhook;

import java.time.Instant;

/**
 * A change of who answers a guest's conversation ({@code messaging_handovers}): {@code control_passed} reaches
 * the new owner (this app now answers), {@code control_taken} the previous one (another responder took it).
 *
 * @param guestAddress      the guest ({@code sender.phone_number}, else {@code sender.user_id})
 * @param phoneNumberId     the business number
 * @param type              {@code control_passed}, {@code control_taken}, or a type Meta adds later
 * @param previousOwnerRole the role that held the conversation, possibly null
 * @param newOwnerRole      the role that holds it now ({@code ai_agent}, {@code escalation}, …), possibly null
 * @param metadata          the free text the transferring app attached, possibly null
 * @param summary           the previous owner's summary of the conversation, possibly null
 * @param at                when control changed
 */
public record ThreadHandover(
        String guestAddress,
        String phoneNumberId,
        String type,
        String previousOwnerRole,
        String newOwnerRole,
        String metadata,
        String summary,
        Instant at) {

    public static final String PASSED = "control_passed";
    public static final String TAKEN = "control_taken";

    /** True when this app answers the conversation from now on. */
    public boolean toThisApp() {
        return PASSED.equals(type);
    }

    /** True when another responder answers it from now on. */
    public boolean toAnother() {
        return TAKEN.equals(type);
    }
}
