package org.holidaydesk.assistant.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether this replica may send. Meta's 190 (the access token is invalid) and 368 (the account is
 * restricted) fail every message alike, so the first of them stops all sending: replies stay queued,
 * callbacks keep being accepted, and an operator reads one message in the log, the {@code cloudApi}
 * health details and {@code whatsapp_sending_paused}. While paused, one queued reply is tried every
 * probe interval; the first one Meta accepts resumes sending for everyone.
 */
@Component("sendingPause")
public class SendingPause {

    private static final Logger LOG = LoggerFactory.getLogger(SendingPause.class);

    /**
     * Why sending stopped.
     *
     * @param metaCode    Meta's error code (190 or 368)
     * @param reason      Meta's description of it
     * @param since       when sending stopped
     * @param nextProbeAt when the next queued reply is tried
     */
    public record State(int metaCode, String reason, Instant since, Instant nextProbeAt) {}

    private final AtomicReference<State> state = new AtomicReference<>();
    private final ReplyProperties properties;
    private final Clock clock;

    @Autowired
    public SendingPause(ReplyProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SendingPause(ReplyProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public boolean paused() {
        return state.get() != null;
    }

    public Optional<State> current() {
        return Optional.ofNullable(state.get());
    }

    /** True when this reply must not be sent now: sending is paused and it is not the probe. */
    public boolean holds(@ExchangeProperty(ReplyRoute.ROW) OutboundMessage row) {
        return paused() && !row.probe();
    }

    /** Takes the probe slot when it is due; false while it is not, or when sending is not paused. */
    boolean takeProbe() {
        Instant now = clock.instant();
        while (true) {
            State current = state.get();
            if (current == null || now.isBefore(current.nextProbeAt())) {
                return false;
            }
            State next = new State(
                    current.metaCode(), current.reason(), current.since(), now.plus(properties.pauseProbeInterval()));
            if (state.compareAndSet(current, next)) {
                return true;
            }
        }
    }

    /** Stops sending; only the first failure of a pause is logged. */
    public void pause(@Body SendOutcome outcome) {
        Instant now = clock.instant();
        int code = outcome.result().metaCode() == null ? 0 : outcome.result().metaCode();
        String reason = outcome.result().describe();
        State previous = state.getAndUpdate(current -> current == null
                ? new State(code, reason, now, now.plus(properties.pauseProbeInterval()))
                : new State(code, reason, current.since(), now.plus(properties.pauseProbeInterval())));
        if (previous == null) {
            LOG.error(operatorMessage(code, reason));
        }
    }

    /** A reply was delivered: if sending was paused, it resumes for everyone. */
    public void delivered() {
        State previous = state.getAndSet(null);
        if (previous != null) {
            LOG.warn(
                    "Sending to WhatsApp resumed: Meta accepted a reply again after the pause that began at {} "
                            + "(error {}). Queued replies now go out in order.",
                    previous.since(),
                    previous.metaCode());
        }
    }

    private String operatorMessage(int code, String reason) {
        String cause = switch (code) {
            case 190 ->
                "Meta rejects the access token. Set a valid WHATSAPP_ACCESS_TOKEN (a System User token with "
                        + "the whatsapp_business_messaging permission) and restart the service.";
            case 368 ->
                "Meta has restricted the WhatsApp Business Account for policy violations. Check Account Quality "
                        + "in WhatsApp Manager and resolve the restriction.";
            default -> "Meta refuses every message.";
        };
        return "Sending to WhatsApp is PAUSED for all guests: " + reason + ". " + cause
                + " Replies stay queued and Meta's callbacks are still accepted; one queued reply is tried every "
                + properties.pauseProbeInterval().toSeconds()
                + " s and sending resumes by itself once Meta accepts it.";
    }
}
