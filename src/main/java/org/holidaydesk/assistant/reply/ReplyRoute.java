package org.holidaydesk.assistant.reply;

/** Names {@code reply.camel.yaml} and the beans it calls share. */
public final class ReplyRoute {

    /** Exchange property holding the claimed {@link OutboundMessage} while it is sent. */
    public static final String ROW = "outboxRow";

    /** Exchange property holding the {@link SendRate.BatchSlots} reserved for the claimed batch. */
    public static final String SLOTS = "sendSlots";

    /** Exchange property holding the {@link SendBudget.Place} a message holds while it is sent, none for the rest. */
    public static final String PLACE = "sendPlace";
    /** Exchange property holding the Cloud API URL the claimed row is sent to. */
    public static final String CLOUD_API_URL = "cloudApiUrl";

    private ReplyRoute() {}
}
