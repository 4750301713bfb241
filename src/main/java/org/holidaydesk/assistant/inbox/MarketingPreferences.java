package org.holidaydesk.assistant.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import org.apache.camel.Body;
import org.holidaydesk.assistant.privacy.Masking;
import org.holidaydesk.assistant.webhook.MarketingPreference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a guest wants marketing messages (Meta's {@code user_preferences} webhook), kept on the guest's row and
 * counted in {@code whatsapp_user_preferences_total{value}}; the operator panel shows it.
 */
@Component("marketingPreferences")
public class MarketingPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(MarketingPreferences.class);

    private final JdbcTemplate jdbc;
    private final GuestAliases aliases;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    MarketingPreferences(JdbcTemplate jdbc, GuestAliases aliases, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.aliases = aliases;
        this.meters = meters;
    }

    /** The guest stopped or resumed marketing messages ({@code user_preferences}); a later change wins. */
    public void record(@Body MarketingPreference preference) {
        String guestId = aliases.guestNamedBy(preference.guestAddress());
        Timestamp at = Timestamp.from(preference.at());
        String value = preference.stopped() ? "stop" : "resume";
        if (jdbc.update(
                        "UPDATE guest SET marketing = ?, marketing_at = ? WHERE guest_id = ?"
                                + " AND (marketing_at IS NULL OR marketing_at <= ?)",
                        value,
                        at,
                        guestId,
                        at)
                == 0) {
            jdbc.update(
                    "INSERT INTO guest (guest_id, marketing, marketing_at, updated_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    guestId,
                    value,
                    at,
                    Timestamp.from(clock.instant()));
        }
        meters.counter("whatsapp.user.preferences", "value", value).increment();
        LOG.info("Guest {} chose to {} marketing messages", Masking.recipient(guestId), value);
    }
}
