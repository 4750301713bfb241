package org.holidaydesk.assistant.webhook;

/**
 * A guest's message that arrived on Meta's {@code standby} field: another sender on the number (Meta Business
 * Agent, or another app) holds this conversation, so the message is kept and never answered here.
 *
 * @param message the guest's message, read as any other
 */
public record StandbyMessage(InboundMessage message) {}
