package org.holidaydesk.assistant.agent.control;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Body;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.inbox.GuestAliases;
import org.holidaydesk.assistant.inbox.GuestMessages;
import org.holidaydesk.assistant.memory.ChatMemories;
import org.holidaydesk.assistant.privacy.Masking;
import org.holidaydesk.assistant.reply.Outbox;
import org.holidaydesk.assistant.webhook.InboundMessage;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.holidaydesk.assistant.webhook.OtherSenderMessage;
import org.holidaydesk.assistant.webhook.StandbyMessage;
import org.holidaydesk.assistant.webhook.ThreadHandover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who answers a guest's conversation when the number is shared with Meta Business Agent (or another app). While
 * another responder holds it, Meta delivers the guest's messages on the {@code standby} field: they are kept once,
 * never answered here, and go into the conversation the model sees, with what the other responder answered, so
 * the assistant knows what was said when control comes back. {@code messaging_handovers} says who holds it now:
 * {@code control_taken} (another responder took it) and {@code control_passed} (it is this app's again, with the
 * previous owner's summary, kept for the model). An operator takes it back with the documented thread-control
 * {@code take} action ({@code POST /actuator/guests/{id}/takeover}); the assistant's next answer, a service message,
 * also takes it, as Meta documents. Counted in {@code assistant_thread_control_total{event}}.
 */
@Component("threadControl")
public class ThreadControl {

    /** This app answers. */
    public static final String APP = "app";

    static final String OTHER_SAID =
            "(Meanwhile another assistant of the business (Meta Business Agent) wrote to the guest:) ";
    static final String SUMMARY = "(Summary of the conversation so far, from the assistant that had it before:) ";
    private static final Logger LOG = LoggerFactory.getLogger(ThreadControl.class);

    /** Who holds a guest's conversation, and since when; {@link #APP} when this app answers. */
    public record Holder(String holder, String reason, Instant since) {
        public boolean elsewhere() {
            return !APP.equals(holder);
        }
    }

    private final JdbcTemplate jdbc;
    private final GuestMessages messages;
    private final GuestAliases aliases;
    private final ChatMemories conversations;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    public ThreadControl(
            JdbcTemplate jdbc,
            GuestMessages messages,
            GuestAliases aliases,
            ChatMemories conversations,
            Outbox outbox,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.aliases = aliases;
        this.conversations = conversations;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** A guest's message on the {@code standby} field: kept once and for the model, never answered. */
    @Transactional
    public void standby(@Body StandbyMessage standby) {
        InboundMessage message = standby.message();
        String guestId = aliases.guestOf(message);
        if (!messages.recordQuietly(
                message.wamid(),
                guestId,
                message.replyTo(),
                message.phoneNumberId(),
                message.kind(),
                message.text(),
                message.sentAt())) {
            return;
        }
        hold(guestId, "other", "standby", message.sentAt());
        if (message.text() != null && !message.text().isBlank()) {
            conversations.append(
                    guestId,
                    List.<ChatMessage>of(UserMessage.from(message.text().strip())));
        }
        meters.counter("assistant.thread.control", "event", "standby_message").increment();
    }

    /** What the other responder wrote to the guest: kept once, and for the model as the conversation's other side. */
    @Transactional
    public void otherSenderWrote(@Body OtherSenderMessage message) {
        String guestId = aliases.guestNamedBy(message.guestAddress());
        if (!messages.recordQuietly(
                message.wamid(),
                guestId,
                message.guestAddress(),
                message.phoneNumberId(),
                MessageKind.OTHER_SENDER,
                message.text(),
                message.sentAt())) {
            return;
        }
        hold(guestId, "other", "standby", message.sentAt());
        if (message.text() != null && !message.text().isBlank()) {
            conversations.append(
                    guestId,
                    List.<ChatMessage>of(
                            AiMessage.from(OTHER_SAID + message.text().strip())));
        }
    }

    /** Control of the guest's conversation changed hands; an older notice than the state it would change is ignored. */
    @Transactional
    public void handover(@Body ThreadHandover handover) {
        String guestId = aliases.guestNamedBy(handover.guestAddress());
        if (handover.toAnother()) {
            hold(
                    guestId,
                    handover.newOwnerRole() == null ? "other" : handover.newOwnerRole(),
                    ThreadHandover.TAKEN,
                    handover.at());
        } else if (handover.toThisApp()) {
            if (hold(guestId, APP, ThreadHandover.PASSED, handover.at())
                    && handover.summary() != null
                    && !handover.summary().isBlank()) {
                conversations.append(
                        guestId,
                        List.<ChatMessage>of(
                                AiMessage.from(SUMMARY + handover.summary().strip())));
            }
        } else {
            LOG.info(
                    "A handover of a kind this service does not know ({}) for guest {}: ignored",
                    handover.type(),
                    Masking.recipient(guestId));
            return;
        }
        meters.counter("assistant.thread.control", "event", handover.type()).increment();
        LOG.info(
                "Guest {}: {} ({} answers now)",
                Masking.recipient(guestId),
                handover.type(),
                handover.toThisApp() ? "the assistant" : handover.newOwnerRole());
    }

    /** True while another responder holds the guest's conversation: the assistant keeps their words and answers nothing. */
    public boolean elsewhere(@Body LeasedTurn turn) {
        return holder(turn.guestId()).map(Holder::elsewhere).orElse(false);
    }

    /** Who holds the guest's conversation, when anything was ever said about it. */
    public Optional<Holder> holder(String guestId) {
        return jdbc
                .query(
                        "SELECT holder, reason, changed_at FROM thread_control WHERE guest_id = ?",
                        (rs, i) -> new Holder(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant()),
                        guestId)
                .stream()
                .findFirst();
    }

    /**
     * An operator takes the conversation back: Meta is asked with the thread-control {@code take} action (through
     * the outbox, retried like a reply), and the assistant answers the guest's next message. Empty when the guest
     * never wrote (there is no number to ask about).
     */
    @Transactional
    public Optional<GuestMessages.Address> takeOver(String guestId) {
        Optional<GuestMessages.Address> address = messages.latestAddress(guestId);
        if (address.isEmpty()) {
            return address;
        }
        outbox.enqueueThreadControl(
                guestId,
                address.get().replyTo(),
                address.get().phoneNumberId(),
                "take",
                "An operator took the conversation over");
        // the operator's word is the latest, whatever time Meta's last notice carried
        if (jdbc.update(
                        "UPDATE thread_control SET holder = ?, reason = ?, changed_at = ? WHERE guest_id = ?",
                        APP,
                        "operator",
                        Timestamp.from(clock.instant()),
                        guestId)
                == 0) {
            hold(guestId, APP, "operator", clock.instant());
        }
        meters.counter("assistant.thread.control", "event", "takeover").increment();
        LOG.info("An operator took guest {}'s conversation over", Masking.recipient(guestId));
        return address;
    }

    /** The guest's control state follows them to a new id; one already there stays. */
    public void moveGuest(String from, String to) {
        if (jdbc.update(
                        "UPDATE thread_control SET guest_id = ? WHERE guest_id = ? AND NOT EXISTS"
                                + " (SELECT 1 FROM thread_control t WHERE t.guest_id = ?)",
                        to,
                        from,
                        to)
                == 0) {
            jdbc.update("DELETE FROM thread_control WHERE guest_id = ?", from);
        }
    }

    /** Records who holds the conversation as of {@code at}; false when a later change is already recorded. */
    private boolean hold(String guestId, String holder, String reason, Instant at) {
        Timestamp when = Timestamp.from(at);
        if (jdbc.update(
                        "UPDATE thread_control SET holder = ?, reason = ?, changed_at = ? WHERE guest_id = ? AND changed_at <= ?",
                        holder,
                        reason,
                        when,
                        guestId,
                        when)
                > 0) {
            return true;
        }
        return jdbc.update(
                        "INSERT INTO thread_control (guest_id, holder, reason, changed_at) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        guestId,
                        holder,
                        reason,
                        when)
                > 0;
    }
}
