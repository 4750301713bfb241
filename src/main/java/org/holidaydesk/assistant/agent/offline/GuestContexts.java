package org.holidaydesk.assistant.agent.offline;

/**
 * Where each guest's {@link GuestContext} is kept between turns, keyed by the guest's id alone. Kept in
 * the database, not in memory: the next turn may run on another replica, or after a restart.
 */
public interface GuestContexts {

    /** What the guest told in their recent turns; empty when nothing, or nothing recent enough. */
    GuestContext load(String guestId);

    void save(String guestId, GuestContext context);

    /** Forgets what the guest told. */
    void forget(String guestId);

    /** What the guest told follows them to a new id (a changed business-scoped user id). */
    void moveGuest(String from, String to);
}
