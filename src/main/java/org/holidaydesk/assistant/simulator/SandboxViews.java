package org.holidaydesk.assistant.simulator;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Header;
import org.holidaydesk.assistant.reply.Choice;
import org.holidaydesk.assistant.reply.DeadLetters;
import org.holidaydesk.assistant.reply.SandboxReplies;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the sandbox page shows, read from what the service records anyway: the guests it knows, each
 * guest's thread (their messages as the service recorded them, once each, and the replies it queued,
 * with delivery statuses), and the operator panel beside it (each turn's trace: which agent answered
 * and why, the time of each stage, the tools called with arguments and results, the memories recalled;
 * what the assistant remembers of the guest; the guest's dead letters). Development only: the routes
 * serving it answer 404 in production.
 */
@Component("sandboxViews")
public class SandboxViews {

    private static final Pattern PHONE = Pattern.compile("\\d{6,15}");
    private static final int MAX_GUESTS = 50;
    private static final int MAX_MESSAGES = 200;
    private static final int MAX_TURNS = 20;
    private static final int MAX_DEAD_LETTERS = 20;

    private final JdbcTemplate jdbc;
    private final SandboxReplies replies;
    private final DeadLetters deadLetters;
    private final org.holidaydesk.assistant.agent.control.ThreadControl control;

    public SandboxViews(
            JdbcTemplate jdbc,
            SandboxReplies replies,
            DeadLetters deadLetters,
            org.holidaydesk.assistant.agent.control.ThreadControl control) {
        this.jdbc = jdbc;
        this.replies = replies;
        this.deadLetters = deadLetters;
        this.control = control;
    }

    /** The guests the service knows, most recently active first: id, name, phone number and user id. */
    public List<Map<String, Object>> guests() {
        return jdbc.query(
                "SELECT g.guest_id, g.display_name, g.updated_at,"
                        + " (SELECT MIN(a.user_id) FROM guest_alias a WHERE a.guest_id = g.guest_id)"
                        + " FROM guest g ORDER BY g.updated_at DESC LIMIT ?",
                (rs, i) -> {
                    String id = rs.getString(1);
                    boolean phone = PHONE.matcher(id).matches();
                    Map<String, Object> guest = new LinkedHashMap<>();
                    guest.put("id", id);
                    guest.put("name", rs.getString(2));
                    guest.put("phone", phone ? id : null);
                    guest.put("userId", phone ? rs.getString(4) : id);
                    guest.put("lastSeen", text(rs.getTimestamp(3)));
                    return guest;
                },
                MAX_GUESTS);
    }

    /** The guest's replies in queue order (the page's first view, kept for scripts). */
    public List<Map<String, Object>> replies(@Header("guest") String guest) {
        return replies.forGuest(guestId(guest)).stream()
                .map(SandboxViews::reply)
                .toList();
    }

    /**
     * The guest's conversation in the order the service saw it: each message they sent (recorded once,
     * however often Meta delivered it; {@code ticks} {@code read} once the service's read receipt went
     * out) and each reply queued for them (with its delivery {@code status} and choices).
     */
    public Map<String, Object> thread(@Header("guest") String guest) {
        String guestId = guestId(guest);
        Set<String> read = replies.readByTheBusiness(guestId);
        List<Map.Entry<Instant, Map<String, Object>>> items = new ArrayList<>(jdbc.query(
                "SELECT wamid, kind, body, received_at, state"
                        + " FROM guest_message WHERE guest_id = ? ORDER BY received_at DESC, wamid DESC LIMIT ?",
                (rs, i) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("from", "guest");
                    item.put("id", rs.getString(1));
                    item.put("kind", rs.getString(2).toLowerCase(java.util.Locale.ROOT));
                    item.put("text", rs.getString(3));
                    item.put("at", text(rs.getTimestamp(4)));
                    item.put("state", rs.getString(5));
                    item.put("ticks", read.contains(rs.getString(1)) ? "read" : "delivered");
                    return Map.entry(rs.getTimestamp(4).toInstant(), item);
                },
                guestId,
                MAX_MESSAGES));
        for (SandboxReplies.SandboxReply reply : replies.forGuest(guestId)) {
            Map<String, Object> item = reply(reply);
            item.put("from", "business");
            item.put("at", text(reply.queuedAt()));
            items.add(Map.entry(reply.queuedAt(), item));
        }
        items.sort(Map.Entry.comparingByKey());
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("guest", guestId);
        thread.put("items", items.stream().map(Map.Entry::getValue).toList());
        return thread;
    }

    /**
     * The operator panel for the guest: their turns, newest first, each with its trace and what followed
     * (the reply's send and Meta's statuses); what the assistant remembers of them; their dead letters.
     */
    public Map<String, Object> panel(@Header("guest") String guest) {
        String guestId = guestId(guest);
        Map<String, Object> panel = new LinkedHashMap<>();
        panel.put("guest", guestId);
        List<Map<String, Object>> turns = jdbc.query(
                "SELECT id, answers, agent, reason, detail, started_at, finished_at"
                        + " FROM turn_trace WHERE guest_id = ? ORDER BY id DESC LIMIT ?",
                (rs, i) -> {
                    Map<String, Object> turn = new LinkedHashMap<>();
                    turn.put("id", rs.getLong(1));
                    turn.put("answers", rs.getString(2));
                    turn.put("agent", rs.getString(3));
                    turn.put("reason", rs.getString(4));
                    turn.put("startedAt", text(rs.getTimestamp(6)));
                    turn.put("finishedAt", text(rs.getTimestamp(7)));
                    read(rs.getString(5))
                            .fields()
                            .forEachRemaining(field -> turn.put(field.getKey(), field.getValue()));
                    return turn;
                },
                guestId,
                MAX_TURNS);
        for (Map<String, Object> turn : turns) {
            turn.put("after", afterTheTurn(guestId, (String) turn.get("answers")));
        }
        panel.put("turns", turns);
        panel.put("remembers", remembers(guestId));
        panel.put(
                "deadLetters",
                deadLetters.ofGuest(guestId, MAX_DEAD_LETTERS).stream()
                        .map(letter -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("id", letter.id());
                            item.put("reply", letter.outboxId());
                            item.put("kind", letter.kind());
                            item.put("reason", letter.reason());
                            item.put("metaCode", letter.metaCode());
                            item.put("attempts", letter.attempts());
                            item.put("lastFailedAt", letter.lastFailedAt().toString());
                            item.put("state", letter.state());
                            return item;
                        })
                        .toList());
        return panel;
    }

    /** The reply's way out after the turn: queued → delivered to the sandbox, then each status Meta reported. */
    private List<Map<String, Object>> afterTheTurn(String guestId, String answers) {
        if (answers == null) {
            return List.of();
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        jdbc.query(
                "SELECT o.id, o.created_at, o.sent_at, s.status, s.received_at FROM outbox o"
                        + " LEFT JOIN message_status s ON s.wamid = o.sent_wamid"
                        + " WHERE o.guest_id = ? AND o.in_reply_to = ? AND o.kind IN ('text', 'interactive')"
                        + " ORDER BY o.id, s.received_at",
                rs -> {
                    long reply = rs.getLong(1);
                    Instant queued = rs.getTimestamp(2).toInstant();
                    Timestamp sent = rs.getTimestamp(3);
                    if (steps.stream().noneMatch(step -> step.get("reply").equals(reply))) {
                        steps.add(step(reply, "sent to WhatsApp (the sandbox)", queued, sent));
                    }
                    if (sent != null && rs.getString(4) != null) {
                        steps.add(step(reply, "Meta: " + rs.getString(4), sent.toInstant(), rs.getTimestamp(5)));
                    }
                },
                guestId,
                answers);
        return steps;
    }

    private static Map<String, Object> step(long reply, String stage, Instant from, Timestamp to) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("reply", reply);
        step.put("stage", stage);
        step.put(
                "ms",
                to == null
                        ? null
                        : Math.max(0, Duration.between(from, to.toInstant()).toMillis()));
        return step;
    }

    /** What the offline agent remembers of the guest's request and what the model's conversation keeps. */
    private Map<String, Object> remembers(String guestId) {
        Map<String, Object> remembers = new LinkedHashMap<>();
        remembers.put(
                "request",
                jdbc
                        .query(
                                "SELECT check_in, check_out, stay_month, nights, guests, property, updated_at"
                                        + " FROM guest_context WHERE guest_id = ?",
                                (rs, i) -> {
                                    Map<String, Object> context = new LinkedHashMap<>();
                                    context.put("checkIn", rs.getString(1));
                                    context.put("checkOut", rs.getString(2));
                                    context.put("month", rs.getString(3));
                                    context.put("nights", rs.getObject(4));
                                    context.put("guests", rs.getObject(5));
                                    context.put("property", rs.getString(6));
                                    context.put("updatedAt", text(rs.getTimestamp(7)));
                                    return context;
                                },
                                guestId)
                        .stream()
                        .findFirst()
                        .orElse(null));
        // who answers the guest (Meta Business Agent holding it, a handover, an operator's takeover) and their
        // marketing choice
        remembers.put(
                "control",
                control.holder(guestId)
                        .map(holder -> {
                            Map<String, Object> state = new LinkedHashMap<>();
                            state.put("answers", holder.elsewhere() ? holder.holder() : "the assistant");
                            state.put("because", holder.reason());
                            state.put("since", holder.since().toString());
                            return state;
                        })
                        .orElse(null));
        remembers.put(
                "marketing",
                jdbc
                        .query(
                                "SELECT marketing FROM guest WHERE guest_id = ? AND marketing IS NOT NULL",
                                (rs, i) -> rs.getString(1),
                                guestId)
                        .stream()
                        .findFirst()
                        .orElse(null));
        remembers.put(
                "conversation",
                jdbc
                        .query(
                                "SELECT messages, summary, updated_at FROM chat_memory WHERE guest_id = ?",
                                (rs, i) -> {
                                    Map<String, Object> conversation = new LinkedHashMap<>();
                                    conversation.put(
                                            "messages", read(rs.getString(1)).size());
                                    conversation.put("summary", rs.getString(2));
                                    conversation.put("updatedAt", text(rs.getTimestamp(3)));
                                    return conversation;
                                },
                                guestId)
                        .stream()
                        .findFirst()
                        .orElse(null));
        return remembers;
    }

    private static Map<String, Object> reply(SandboxReplies.SandboxReply reply) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", reply.id());
        item.put("text", reply.text());
        item.put("state", reply.state());
        item.put("queuedAt", text(reply.queuedAt()));
        item.put("deliveredAt", text(reply.deliveredAt()));
        item.put("messageId", reply.messageId());
        item.put("status", reply.status());
        if (reply.choiceType() != null) {
            item.put("choiceType", reply.choiceType());
            item.put("listButton", reply.listButton());
            item.put(
                    "choices",
                    reply.choices().stream().map(SandboxViews::choice).toList());
        }
        if (reply.link() != null) {
            item.put("link", reply.link());
        }
        if (reply.flow() != null) {
            item.put("flow", reply.flow());
        }
        return item;
    }

    private static Map<String, Object> choice(Choice choice) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", choice.id());
        item.put("title", choice.title());
        item.put("description", choice.description());
        return item;
    }

    private static String guestId(String guest) {
        if (guest == null || guest.isBlank()) {
            throw new IllegalArgumentException("name the guest: ?guest=40712345678 (or a business-scoped user id)");
        }
        return guest.strip();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "null" : json);
        } catch (JsonProcessingException e) {
            return JSON.nullNode();
        }
    }

    private static String text(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
