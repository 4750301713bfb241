package org.holidaydesk.assistant.inbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.holidaydesk.assistant.config.RowLocking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The guests whose turn is due and who holds each turn: a replica leases ready guests
 * ({@code FOR UPDATE SKIP LOCKED}, then a lease in the {@code guest} row) and releases them when the turn
 * ends. A guest is ready while they have pending messages; {@link GuestMessages} makes them so.
 */
@Component
public class GuestLeases {

    /** How far back an unread callback can hold up a guest's turn, so that its messages are answered in order. */
    private static final Duration ORDER_HORIZON = Duration.ofSeconds(10);

    /** The guest as the agent knows them: the profile name and the language of their last answer, each possibly null. */
    public record Profile(String displayName, String language) {}

    private final JdbcTemplate jdbc;
    private final String readyGuests;

    public GuestLeases(JdbcTemplate jdbc, RowLocking locking) {
        this.jdbc = jdbc;
        this.readyGuests = "SELECT guest_id FROM guest WHERE ready_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                + " ORDER BY ready_at LIMIT ?" + locking.skipLocked();
    }

    /**
     * Leases at most {@code room} guests whose turn is due at {@code now} and whom no replica holds, to
     * {@code owner} until {@code until}. A callback stored before a guest's turn is due, and not yet read by any
     * replica, may hold an earlier message of that guest: turns due after the oldest such callback wait for it
     * (callbacks stuck longer than the horizon hold nothing up). One indexed look, not one per guest.
     */
    public List<String> lease(String owner, Instant now, Instant until, int room) {
        Timestamp at = Timestamp.from(now);
        List<Timestamp> unread = jdbc.queryForList(
                "SELECT received_at FROM inbox WHERE processed_at IS NULL"
                        + " AND received_at >= ? ORDER BY processed_at, received_at LIMIT 1",
                Timestamp.class,
                Timestamp.from(now.minus(ORDER_HORIZON)));
        Timestamp dueBy = unread.isEmpty() || unread.get(0).after(at) ? at : unread.get(0);
        Timestamp leasedUntil = Timestamp.from(until);
        return RowLocking.take(
                jdbc,
                "UPDATE guest SET lease_owner = ?, lease_until = ? WHERE guest_id = ?"
                        + " AND (lease_until IS NULL OR lease_until < ?)",
                jdbc.queryForList(readyGuests, String.class, dueBy, at, room),
                g -> new Object[] {owner, leasedUntil, g, at});
    }

    /** Lets the guest go: due again at once when messages are still pending, else not due. */
    public void release(String guestId) {
        jdbc.update(
                "UPDATE guest SET lease_owner = NULL, lease_until = NULL, ready_at = CASE WHEN EXISTS"
                        + " (SELECT 1 FROM guest_message m WHERE m.guest_id = guest.guest_id AND m.state = ?) THEN ready_at"
                        + " ELSE NULL END WHERE guest_id = ?",
                GuestMessages.PENDING,
                guestId);
    }

    /** The guest's profile name and the language they were last answered in. */
    public Profile profile(String guestId) {
        List<Profile> guest = jdbc.query(
                "SELECT display_name, language FROM guest WHERE guest_id = ?",
                (rs, i) -> new Profile(rs.getString(1), rs.getString(2)),
                guestId);
        return guest.isEmpty() ? new Profile(null, null) : guest.get(0);
    }

    /** Keeps the language the guest was answered in, for their next turn. */
    public void answeredIn(String guestId, String language) {
        jdbc.update("UPDATE guest SET language = COALESCE(?, language) WHERE guest_id = ?", language, guestId);
    }
}
