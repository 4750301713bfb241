package org.holidaydesk.assistant.funnel;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Header;
import org.holidaydesk.assistant.config.BookingProperties;
import org.holidaydesk.assistant.config.PipelineProperties;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tracked booking links: the guest's button opens {@code {PUBLIC_BASE_URL}/b/{token}}, which counts the link's
 * first open and redirects to the booking page it was made for. The token is 144 random bits (URL-safe base64 of
 * {@link SecureRandom} bytes): it says nothing of the guest and cannot be guessed. A link lives as long as the
 * retention ({@code assistant.pipeline.idempotency-retention}); an unknown or expired one gets a small page with
 * the business's contact. Production without {@code PUBLIC_BASE_URL} sends the booking page's own address,
 * untracked (links sent are still counted, opens cannot be), and says so once at startup.
 */
@Component("trackedLinks")
public class TrackedLinks {

    private static final Logger LOG = LoggerFactory.getLogger(TrackedLinks.class);
    private static final int TOKEN_BYTES = 18;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final JdbcTemplate jdbc;
    private final BookingFunnel funnel;
    private final BookingProperties booking;
    private final ServiceProperties service;
    private final PipelineProperties pipeline;
    private final Environment environment;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public TrackedLinks(
            JdbcTemplate jdbc,
            BookingFunnel funnel,
            BookingProperties booking,
            ServiceProperties service,
            PipelineProperties pipeline,
            Environment environment) {
        this.jdbc = jdbc;
        this.funnel = funnel;
        this.booking = booking;
        this.service = service;
        this.pipeline = pipeline;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void sayWhenUntracked() {
        if (!tracked()) {
            LOG.warn(
                    "PUBLIC_BASE_URL is not set: booking buttons open the booking page directly, so opens are not counted;"
                            + " set it to the public address of this service (as the webhook's, e.g. https://assistant.example.com)");
        }
    }

    /** Whether links are tracked: always in development, in production once {@code PUBLIC_BASE_URL} is set. */
    public boolean tracked() {
        return !blank(booking.publicBaseUrl()) || !service.production();
    }

    /**
     * The address the guest's button opens for a booking page: a new tracked link (stored in the caller's
     * transaction, the turn's end), or the page itself when links are untracked.
     */
    public String track(String property, String targetUrl) {
        if (!tracked()) {
            return targetUrl;
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update(
                "INSERT INTO booking_link (token, property_id, target_url, created_at) VALUES (?, ?, ?, ?)",
                token,
                funnel.propertyId(property),
                targetUrl,
                Timestamp.from(clock.instant()));
        return base() + FunnelRoute.PATH + token;
    }

    /**
     * The booking page of a tracked link, counting its first open; null for a token that is malformed, unknown
     * or older than the retention.
     */
    public String open(@Header(FunnelRoute.TOKEN) String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return null;
        }
        Instant cutoff = clock.instant().minus(pipeline.idempotencyRetention());
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT property_id, target_url FROM booking_link WHERE token = ? AND created_at >= ?",
                token,
                Timestamp.from(cutoff));
        if (rows.isEmpty()) {
            return null;
        }
        String property = (String) rows.get(0).get("property_id");
        if (jdbc.update(
                        "UPDATE booking_link SET opened_at = ? WHERE token = ? AND opened_at IS NULL",
                        Timestamp.from(clock.instant()),
                        token)
                == 1) {
            funnel.opened(property);
        }
        return (String) rows.get(0).get("target_url");
    }

    /**
     * What an unknown or expired link shows: a few lines of plain text (as every error of the public port is) with
     * the business's contact, in the languages the assistant answers in.
     */
    public String contactPage() {
        String contact = service.businessContact();
        return "This booking link has expired or is not known.\n"
                + "Write to us again on WhatsApp for a new one, or contact us at " + contact + ".\n\n"
                + "Acest link de rezervare a expirat sau nu este cunoscut.\n"
                + "Scrieți-ne din nou pe WhatsApp pentru unul nou, sau contactați-ne la " + contact + ".\n\n"
                + "Dieser Buchungslink ist abgelaufen oder unbekannt.\n"
                + "Schreiben Sie uns wieder auf WhatsApp für einen neuen, oder erreichen Sie uns unter " + contact
                + ".\n";
    }

    /** Deletes links made before {@code cutoff} (the retention). */
    public int forgetBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM booking_link WHERE created_at < ?", Timestamp.from(cutoff));
    }

    private String base() {
        String configured = booking.publicBaseUrl();
        if (!blank(configured)) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "3001"));
        return "http://localhost:" + port;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
