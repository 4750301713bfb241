package org.holidaydesk.assistant.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.reply.DeadLetters;
import org.holidaydesk.assistant.reply.OutboundMessage;
import org.holidaydesk.assistant.reply.ReplyRoute;
import org.holidaydesk.assistant.reply.SendAction;
import org.holidaydesk.assistant.reply.SendOutcome;
import org.holidaydesk.assistant.reply.SendingPause;
import org.springframework.stereotype.Component;

/**
 * What the reply route did, for operators: {@code whatsapp_replies_sent_total} (text messages Meta
 * accepted), {@code whatsapp_read_receipts_sent_total}, {@code whatsapp_send_failures_total{code}} (Meta's
 * error code, or timeout / connection / http_NNN), and the gauges {@code whatsapp_sending_paused} (1 while
 * a token or account problem stops all sending) and {@code whatsapp_dead_letters} (open dead letters).
 */
@Component("replyMetrics")
public class ReplyMetrics {

    private final MeterRegistry registry;
    private final Counter textsSent;
    private final Counter readReceiptsSent;
    private final AtomicLong lastOpenDeadLetters = new AtomicLong();

    public ReplyMetrics(MeterRegistry registry, SendingPause pause, DeadLetters deadLetters) {
        this.registry = registry;
        this.textsSent = Counter.builder("whatsapp.replies.sent")
                .description("Text replies the Cloud API accepted")
                .register(registry);
        this.readReceiptsSent = Counter.builder("whatsapp.read.receipts.sent")
                .description("Read receipts with typing indicator the Cloud API accepted")
                .register(registry);
        Gauge.builder("whatsapp.sending.paused", pause, p -> p.paused() ? 1 : 0)
                .description("1 while all sending is stopped by a token or account problem")
                .register(registry);
        Gauge.builder("whatsapp.dead.letters", deadLetters, this::openDeadLetters)
                .description("Dead letters waiting for an operator")
                .register(registry);
    }

    /** Counts one send by its outcome. */
    public void count(@Body SendOutcome outcome, @ExchangeProperty(ReplyRoute.ROW) OutboundMessage row) {
        if (outcome.action() == SendAction.DELIVER) {
            (row.readReceipt() ? readReceiptsSent : textsSent).increment();
        } else {
            registry.counter("whatsapp.send.failures", "code", outcome.result().failureCode())
                    .increment();
        }
    }

    /** The last known count while the database does not answer, rather than a scrape error. */
    private double openDeadLetters(DeadLetters deadLetters) {
        try {
            lastOpenDeadLetters.set(deadLetters.openCount());
        } catch (RuntimeException databaseDown) {
            // keep the previous value
        }
        return lastOpenDeadLetters.get();
    }
}
