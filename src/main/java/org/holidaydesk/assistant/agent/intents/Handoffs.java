package org.holidaydesk.assistant.agent.intents;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.language.Languages;
import org.holidaydesk.assistant.agent.language.PlainText;
import org.holidaydesk.assistant.config.HandoffProperties;
import org.holidaydesk.assistant.inbox.GuestAliases;
import org.holidaydesk.assistant.inbox.GuestMessages;
import org.holidaydesk.assistant.memory.ChatMemories;
import org.holidaydesk.assistant.privacy.Masking;
import org.holidaydesk.assistant.reply.Outbox;
import org.holidaydesk.assistant.webhook.PersonMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person when the guest needs one. A guest who asks for a person ("can I talk to someone?", "vreau să
 * vorbesc cu cineva"), or whose turn the model marks as needing one, is told in their language that a
 * person will answer; the business is notified at {@code HANDOFF_WEBHOOK_URL} through the outbox (masked
 * number, the last messages, a link to the operator endpoint); and the assistant stays quiet for that
 * guest. The person answers from the WhatsApp Business app on the same number (its echoes are kept in
 * the guest's history and keep the assistant quiet) or through {@code POST /actuator/guests/{id}/messages}.
 * The assistant answers again {@code assistant.handoff.quiet-time} after the person's last message, or
 * when an operator hands the guest back; what was said meanwhile is in the conversation it sees.
 */
@Component("handoffs")
public class Handoffs {

    /** A guest handed to a person, as operators see one. */
    public record Handoff(String guestId, String ref, String reason, Instant startedAt, Instant quietUntil) {}

    /** Where a person's reply to a guest goes. */
    public record Address(String replyTo, String phoneNumberId) {}

    /** Introduces what a person at the business wrote, in the conversation the model sees. */
    static final String PERSON_SAID = "(A person from the business wrote to the guest:) ";

    private static final Logger LOG = LoggerFactory.getLogger(Handoffs.class);
    private static final int LAST_MESSAGES = 5;
    private static final Pattern ASKS = Pattern.compile("\\b("
            // English
            + "(talk|speak|chat) (to|with) (someone|somebody|a (real )?(person|human|agent|manager)|an? (agent|operator)|the owner|a member of staff|staff|your team)"
            + "|(real|actual) (person|human)|human agent|customer (service|support)"
            + "|(can|could|may) i (talk|speak) to"
            // Romanian, diacritics gone: "vreau să vorbesc cu cineva", "pot vorbi cu un om?"
            + "|(vreau|as vrea|pot|putem) (sa )?(vorbesc|vorbi|vorbim) cu (cineva|un om|o persoana|un operator|proprietarul|gazda|un angajat)"
            + "|un om (real|adevarat)|o persoana (reala|adevarata)|operator uman"
            // German, umlauts gone: "ich möchte mit einem Menschen sprechen"
            + "|(mit|zu) (einem|einer) (menschen|person|mitarbeiter|mitarbeiterin)|(echten|richtigen) (menschen|person)"
            + "|(mit )?jemandem (sprechen|reden)"
            + ")\\b");

    private final JdbcTemplate jdbc;
    private final HandoffProperties properties;
    private final ChatMemories conversations;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    private final GuestAliases aliases;
    private final GuestMessages messages;

    public Handoffs(
            JdbcTemplate jdbc,
            HandoffProperties properties,
            ChatMemories conversations,
            Outbox outbox,
            GuestAliases aliases,
            GuestMessages messages,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.aliases = aliases;
        this.properties = properties;
        this.conversations = conversations;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** True when the guest asks, in this turn, for a person. */
    public boolean asks(@Body LeasedTurn turn) {
        return asks(turn.turn().text());
    }

    static boolean asks(String text) {
        return PlainText.says(text, ASKS);
    }

    /** True while a person has the guest's conversation: the assistant stays quiet. */
    public boolean quiet(@Body LeasedTurn turn) {
        return active(turn.guestId()).isPresent();
    }

    /** The guest's open handoff, if a person has their conversation now. */
    public Optional<Handoff> active(String guestId) {
        return jdbc
                .query(
                        "SELECT guest_id, ref, reason, started_at, quiet_until FROM handoff WHERE guest_id = ? AND quiet_until > ?",
                        (rs, i) -> new Handoff(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getTimestamp(5).toInstant()),
                        guestId,
                        Timestamp.from(clock.instant()))
                .stream()
                .findFirst();
    }

    /** The guest a handoff reference (from the business's notification) or a guest id names. */
    public String guestNamed(String idOrRef) {
        List<String> byRef = jdbc.queryForList("SELECT guest_id FROM handoff WHERE ref = ?", String.class, idOrRef);
        return byRef.isEmpty() ? idOrRef : byRef.get(0);
    }

    /** The guest asked for a person: they are told one will answer, and the business is notified. */
    @Transactional
    public AgentReply start(@Body LeasedTurn turn) {
        String language = LanguageGuess.of(turn.turn());
        handOver(turn, "asked");
        return AgentReply.of(language, personWillAnswer(language));
    }

    /** The model marked its answer as needing a person: the answer goes out with the same promise. */
    @Transactional
    public AgentReply afterAnswer(@ExchangeProperty(AgentRoute.TURN) LeasedTurn turn, @Body AgentReply answer) {
        handOver(turn, "agent");
        List<String> parts = new ArrayList<>(answer.parts());
        int last = parts.size() - 1;
        parts.set(last, parts.get(last) + "\n\n" + personWillAnswer(answer.language()));
        return new AgentReply(parts, answer.language());
    }

    /** While a person has the conversation: what the guest wrote is kept for the model, and not answered. */
    public AgentReply hold(@Body LeasedTurn turn) {
        String words = turn.turn().text();
        if (!words.isBlank()) {
            conversations.append(turn.guestId(), List.of(UserMessage.from(words)));
        }
        return new AgentReply(List.of(), LanguageGuess.hint(turn.turn()));
    }

    /**
     * A person at the business wrote to the guest from the WhatsApp Business app: kept once in the guest's
     * history, and the assistant stays quiet for the quiet time.
     */
    @Transactional
    public void personWrote(@Body PersonMessage message) {
        String guestId = aliases.guestNamedBy(message.guestAddress());
        if (!messages.recordPersonMessage(guestId, message)) {
            return;
        }
        personSaid(guestId, message.text(), "app");
    }

    /** A person's reply through the operator endpoint: sent to the guest through the outbox and kept. */
    @Transactional
    public Optional<Address> personReplies(String guestId, String text) {
        Optional<GuestMessages.Address> latest = messages.latestAddress(guestId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Address address = new Address(latest.get().replyTo(), latest.get().phoneNumberId());
        outbox.enqueueText(guestId, address.replyTo(), address.phoneNumberId(), text, null);
        personSaid(guestId, text, "operator");
        return Optional.of(address);
    }

    /** An operator hands the guest back: the assistant answers their next message. Returns false when none was open. */
    public boolean handBack(String guestId) {
        boolean open = jdbc.update("DELETE FROM handoff WHERE guest_id = ?", guestId) > 0;
        if (open) {
            LOG.info("Guest {} handed back to the assistant", Masking.recipient(guestId));
        }
        return open;
    }

    /** The guest's handoff follows them to a new id; one already open there stays. */
    public void moveGuest(String from, String to) {
        if (jdbc.update(
                        "UPDATE handoff SET guest_id = ? WHERE guest_id = ? AND NOT EXISTS"
                                + " (SELECT 1 FROM handoff h WHERE h.guest_id = ?)",
                        to,
                        from,
                        to)
                == 0) {
            jdbc.update("DELETE FROM handoff WHERE guest_id = ?", from);
        }
    }

    private void personSaid(String guestId, String text, String via) {
        Timestamp now = now();
        Timestamp quietUntil = Timestamp.from(clock.instant().plus(properties.quietTime()));
        if (jdbc.update(
                        "UPDATE handoff SET person_last_at = ?, quiet_until = ? WHERE guest_id = ?",
                        now,
                        quietUntil,
                        guestId)
                == 0) {
            jdbc.update(
                    "INSERT INTO handoff (guest_id, ref, reason, started_at, person_last_at, quiet_until)"
                            + " VALUES (?, ?, 'person', ?, ?, ?) ON CONFLICT DO NOTHING",
                    guestId,
                    newRef(),
                    now,
                    now,
                    quietUntil);
        }
        if (text != null && !text.isBlank()) {
            conversations.append(guestId, List.<ChatMessage>of(AiMessage.from(PERSON_SAID + text.strip())));
        }
        meters.counter("assistant.person.messages", "via", via).increment();
    }

    private void handOver(LeasedTurn turn, String reason) {
        Timestamp now = now();
        Timestamp quietUntil = Timestamp.from(clock.instant().plus(properties.quietTime()));
        String ref = newRef();
        if (jdbc.update(
                        "UPDATE handoff SET quiet_until = ?, reason = ? WHERE guest_id = ?",
                        quietUntil,
                        reason,
                        turn.guestId())
                == 0) {
            jdbc.update(
                    "INSERT INTO handoff (guest_id, ref, reason, started_at, quiet_until) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    turn.guestId(),
                    ref,
                    reason,
                    now,
                    quietUntil);
        }
        ref = jdbc.queryForObject("SELECT ref FROM handoff WHERE guest_id = ?", String.class, turn.guestId());
        String words = turn.turn().text();
        if (!words.isBlank()) {
            conversations.append(turn.guestId(), List.of(UserMessage.from(words)));
        }
        meters.counter("assistant.handoffs", "reason", reason).increment();
        LOG.info("Guest {} handed to a person ({})", Masking.recipient(turn.guestId()), reason);
        if (properties.notifies()) {
            outbox.enqueueHandoffNote(turn.guestId(), note(turn, ref, reason));
        }
    }

    /** The business's notification: masked number, the last messages, where to answer. Slack and Teams take {"text"}. */
    private String note(LeasedTurn turn, String ref, String reason) {
        List<String> last = messages.lastTexts(turn.guestId(), LAST_MESSAGES);
        StringBuilder text = new StringBuilder();
        String name =
                turn.turn().displayName() == null ? "" : " (" + turn.turn().displayName() + ")";
        text.append("Guest ")
                .append(Masking.recipient(turn.guestId()))
                .append(name)
                .append(
                        "asked".equals(reason)
                                ? " asked to talk to a person."
                                : " needs a person (the assistant could not help).")
                .append("\nLast messages:");
        for (String message : last.reversed()) {
            text.append("\n> ").append(message.replace('\n', ' '));
        }
        String base =
                properties.operatorUrl().endsWith("/") ? properties.operatorUrl() : properties.operatorUrl() + "/";
        text.append("\nAnswer from the WhatsApp Business app, or: POST ")
                .append(base)
                .append("actuator/guests/")
                .append(ref)
                .append("/messages {\"text\": \"...\"} (Authorization: Bearer OPERATOR_TOKEN); hand back: POST ")
                .append(base)
                .append("actuator/guests/")
                .append(ref)
                .append("/handback");
        return JSON.createObjectNode().put("text", text.toString()).toString();
    }

    private static String personWillAnswer(String language) {
        return Languages.all().of(language).reply("personWillAnswer");
    }

    private static String newRef() {
        return "h-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
