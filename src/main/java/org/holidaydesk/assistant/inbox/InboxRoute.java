package org.holidaydesk.assistant.inbox;

/** Names {@code inbox.camel.yaml} and the beans it calls share. */
public final class InboxRoute {

    /** Header holding the id of the claimed inbox row while its callback is read. */
    public static final String INBOX_ID = "inboxId";

    /** Exchange property holding the instant before which the retention route forgets rows. */
    public static final String CUTOFF = "cutoff";

    /** Transaction policy of a claimed batch of callbacks (one commit for the batch). */
    public static final String BATCH_TRANSACTION = "inboxBatchTransaction";

    /** Transaction policy of one callback inside its batch (a savepoint, rolled back alone). */
    public static final String CALLBACK_SAVEPOINT = "inboxCallbackSavepoint";

    private InboxRoute() {}
}
