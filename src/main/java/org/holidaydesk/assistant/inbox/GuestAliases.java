package org.holidaydesk.assistant.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.holidaydesk.assistant.privacy.Masking;
import org.holidaydesk.assistant.webhook.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one guest one guest while Meta names them by phone number, by business-scoped user id, or both:
 * a message naming both links the user id to the phone-number guest (the first link stays), and a later
 * message naming only that user id belongs to the same guest. Runs in the caller's transaction.
 */
@Component
public class GuestAliases {

    private static final Logger LOG = LoggerFactory.getLogger(GuestAliases.class);

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    public GuestAliases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The guest the message belongs to, linking its user id to its phone number when it names both. */
    public String guestOf(InboundMessage message) {
        if (message.namedByBoth()) {
            int linked = jdbc.update(
                    "INSERT INTO guest_alias (user_id, guest_id, created_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    message.userId(),
                    message.guestId(),
                    Timestamp.from(clock.instant()));
            if (linked > 0) {
                LOG.info(
                        "User id {} now names guest {}",
                        Masking.recipient(message.userId()),
                        Masking.recipient(message.guestId()));
            }
            return message.guestId();
        }
        return message.namedByUserIdOnly() ? guestNamedBy(message.userId()) : message.guestId();
    }

    /** The guest an address names: the guest a user id was first seen with, else the address itself. */
    public String guestNamedBy(String address) {
        List<String> aliased =
                jdbc.queryForList("SELECT guest_id FROM guest_alias WHERE user_id = ?", String.class, address);
        if (aliased.isEmpty()) {
            return address;
        }
        LOG.debug("{} belongs to guest {}", Masking.recipient(address), Masking.recipient(aliased.get(0)));
        return aliased.get(0);
    }

    /** The user id names the guest from now on (the first link stays). */
    public void link(String userId, String guestId) {
        if (jdbc.update(
                        "INSERT INTO guest_alias (user_id, guest_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        userId,
                        guestId,
                        Timestamp.from(clock.instant()))
                > 0) {
            LOG.info("User id {} now names guest {}", Masking.recipient(userId), Masking.recipient(guestId));
        }
    }

    /** The guest's aliases name them under their new id, and their old id names them too (a late message). */
    public void moveGuest(String from, String to) {
        jdbc.update("UPDATE guest_alias SET guest_id = ? WHERE guest_id = ?", to, from);
        link(from, to);
    }
}
