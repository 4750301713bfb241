package org.holidaydesk.assistant.reply;

/** Names {@code reply.camel.yaml} and its beans share. */
final class ReplyRoute {

    /** Exchange property holding the claimed {@link OutboundMessage} while it is sent. */
    static final String ROW = "outboxRow";

    private ReplyRoute() {
    }
}
