package org.holidaydesk.assistant.inbox;

/** Names {@code inbox.camel.yaml} and the beans it calls share. */
public final class InboxRoute {

    /** Header holding the id of the claimed inbox row while its callback is read. */
    public static final String INBOX_ID = "inboxId";

    /** Exchange property holding the instant before which the retention route forgets rows. */
    public static final String CUTOFF = "cutoff";

    private InboxRoute() {}
}
