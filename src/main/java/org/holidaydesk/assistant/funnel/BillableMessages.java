package org.holidaydesk.assistant.funnel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.holidaydesk.assistant.config.BillingProperties;
import org.holidaydesk.assistant.reply.Outbox;
import org.holidaydesk.assistant.webhook.DeliveryStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Meta bills: the {@code pricing} of each sent message's status, counted once per message in
 * {@code whatsapp_billable_messages_total{category,pricing_model}} (and, with a price table, its price in
 * {@code whatsapp_billable_messages_cost_total{category,currency}}). Per guest, billable messages are added up
 * by conversation (the messages with less than 24 hours between them, Meta's customer-service window): a
 * conversation's count goes into {@code whatsapp_billable_messages_per_conversation} once it has been quiet for
 * 24 hours, and the count since the conversation began or since its previous booking link into
 * {@code whatsapp_billable_messages_per_booking_link} when a booking link is billed.
 */
@Component("billableMessages")
public class BillableMessages {

    /** Meta's customer-service window: messages further apart belong to two conversations. */
    static final Duration CONVERSATION_GAP = Duration.ofHours(24);

    private static final double[] BUCKETS = {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 50};

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final Outbox outbox;
    private final BillingProperties billing;
    private final DistributionSummary perConversation;
    private final DistributionSummary perBookingLink;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public BillableMessages(JdbcTemplate jdbc, MeterRegistry meters, Outbox outbox, BillingProperties billing) {
        this(jdbc, meters, outbox, billing, Clock.systemUTC());
    }

    BillableMessages(JdbcTemplate jdbc, MeterRegistry meters, Outbox outbox, BillingProperties billing, Clock clock) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.outbox = outbox;
        this.billing = billing;
        this.clock = clock;
        this.perConversation = DistributionSummary.builder("whatsapp.billable.messages.per.conversation")
                .description("Billable messages of one guest conversation (closed after 24 h without one)")
                .serviceLevelObjectives(BUCKETS)
                .register(meters);
        this.perBookingLink = DistributionSummary.builder("whatsapp.billable.messages.per.booking.link")
                .description(
                        "Billable messages from a conversation's start, or its previous booking link, to a booking link")
                .serviceLevelObjectives(BUCKETS)
                .register(meters);
        // the service's own messages are billed as service (inside the window) or utility (templates): both exist from
        // the start
        for (String category : List.of("service", "utility")) {
            billableCounter(category, "PMP");
        }
        billing.prices().values().stream()
                .flatMap(table -> table.keySet().stream())
                .distinct()
                .forEach(this::costCounter);
    }

    /** Counts a status's pricing, once per message; a status without one changes nothing. */
    @Transactional
    public void record(@Body DeliveryStatus status) {
        DeliveryStatus.Pricing pricing = status.pricing();
        if (pricing == null || status.wamid() == null) {
            return;
        }
        Instant now = clock.instant();
        int first = jdbc.update(
                "INSERT INTO billed_message (wamid, category, pricing_model, billable, received_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                status.wamid(),
                pricing.category(),
                pricing.pricingModel(),
                pricing.billable(),
                Timestamp.from(now));
        if (first == 0 || !pricing.billable()) {
            return;
        }
        billableCounter(pricing.category(), pricing.pricingModel()).increment();
        BigDecimal price = billing.priceOf(pricing.category(), status.recipient());
        if (price != null) {
            costCounter(pricing.category()).increment(price.doubleValue());
        }
        Outbox.SentReply reply = outbox.sentReply(status.wamid()).orElse(null);
        String guest = reply != null ? reply.guestId() : status.recipient();
        if (guest != null) {
            countInConversation(guest, reply != null && reply.bookingLink(), now);
        }
    }

    /** Closes the conversations quiet for 24 hours: each one's billable messages go into the histogram. */
    public int closeQuietConversations() {
        Timestamp quietSince = Timestamp.from(clock.instant().minus(CONVERSATION_GAP));
        List<Map<String, Object>> quiet = jdbc.queryForList(
                "SELECT guest_id, billable_messages FROM billing_conversation WHERE last_billed_at < ?", quietSince);
        int closed = 0;
        for (Map<String, Object> conversation : quiet) {
            if (jdbc.update(
                            "DELETE FROM billing_conversation WHERE guest_id = ? AND last_billed_at < ?",
                            conversation.get("guest_id"),
                            quietSince)
                    == 1) {
                perConversation.record(((Number) conversation.get("billable_messages")).doubleValue());
                closed++;
            }
        }
        return closed;
    }

    /** A guest who asked to be forgotten: their open conversation is counted as it stands and its row deleted. */
    public void forget(String guestId) {
        List<Integer> open = jdbc.queryForList(
                "SELECT billable_messages FROM billing_conversation WHERE guest_id = ?", Integer.class, guestId);
        if (!open.isEmpty() && jdbc.update("DELETE FROM billing_conversation WHERE guest_id = ?", guestId) == 1) {
            perConversation.record(open.get(0));
        }
    }

    /** Meta gave the guest a new user id: their open conversation goes on under it. */
    public void moveGuest(String from, String to) {
        if (jdbc.update(
                        "UPDATE billing_conversation SET guest_id = ? WHERE guest_id = ?"
                                + " AND NOT EXISTS (SELECT 1 FROM billing_conversation WHERE guest_id = ?)",
                        to,
                        from,
                        to)
                == 0) {
            jdbc.update("DELETE FROM billing_conversation WHERE guest_id = ?", from);
        }
    }

    /** Deletes the pricing records received before {@code cutoff} (the retention). */
    public int forgetBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM billed_message WHERE received_at < ?", Timestamp.from(cutoff));
    }

    private void countInConversation(String guest, boolean bookingLink, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp quietSince = Timestamp.from(now.minus(CONVERSATION_GAP));
        List<Integer> ended = jdbc.queryForList(
                "SELECT billable_messages FROM billing_conversation WHERE guest_id = ?" + " AND last_billed_at < ?",
                Integer.class,
                guest,
                quietSince);
        if (!ended.isEmpty()
                && jdbc.update(
                                "DELETE FROM billing_conversation WHERE guest_id = ? AND last_billed_at < ?",
                                guest,
                                quietSince)
                        == 1) {
            perConversation.record(ended.get(0));
        }
        String add =
                "UPDATE billing_conversation SET billable_messages = billable_messages + 1, since_link = since_link + 1,"
                        + " last_billed_at = ? WHERE guest_id = ?";
        if (jdbc.update(add, at, guest) == 0
                && jdbc.update(
                                "INSERT INTO billing_conversation (guest_id, started_at,"
                                        + " last_billed_at, billable_messages, since_link) VALUES (?, ?, ?, 1, 1) ON CONFLICT DO NOTHING",
                                guest,
                                at,
                                at)
                        == 0) {
            jdbc.update(add, at, guest);
        }
        if (bookingLink) {
            List<Integer> since = jdbc.queryForList(
                    "SELECT since_link FROM billing_conversation WHERE guest_id = ?", Integer.class, guest);
            if (!since.isEmpty()
                    && jdbc.update(
                                    "UPDATE billing_conversation SET since_link = 0 WHERE guest_id = ?"
                                            + " AND since_link = ?",
                                    guest,
                                    since.get(0))
                            == 1) {
                perBookingLink.record(since.get(0));
            }
        }
    }

    private Counter billableCounter(String category, String pricingModel) {
        return Counter.builder("whatsapp.billable.messages")
                .description("Messages Meta bills, by its pricing category")
                .tags("category", category, "pricing_model", pricingModel == null ? "unknown" : pricingModel)
                .register(meters);
    }

    private Counter costCounter(String category) {
        return Counter.builder("whatsapp.billable.messages.cost")
                .description("What the billable messages cost, by the operator's price table")
                .tags("category", category, "currency", billing.currency())
                .register(meters);
    }
}
