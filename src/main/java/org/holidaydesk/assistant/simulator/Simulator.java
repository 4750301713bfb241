package org.holidaydesk.assistant.simulator;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.holidaydesk.assistant.reply.OutboundMessage;
import org.holidaydesk.assistant.reply.SandboxReplies;
import org.holidaydesk.assistant.webhook.SignatureVerifier;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The development chat sandbox behind {@code /simulator}: a developer writes as a guest, and the message
 * takes the path a real one takes. It becomes a callback shaped like Meta's, signed with the app secret
 * and POSTed over HTTP to this service's own {@code /webhooks/whatsapp}; the replies the service queues
 * for that guest are delivered to the sandbox outbox (no access token) and read back by the page. A tap
 * on a reply button or list row the service offered goes back the same way, as Meta's interactive
 * callback, and so do the delivery statuses Meta would report for each reply: sent and delivered when the
 * sandbox takes it, read when the page shows it. Samples send the shapes the fixtures hold (a voice note,
 * an image, a burst, a redelivery, a message naming the guest by user id alone). Not in production.
 */
@Component("simulator")
public class Simulator {

    private static final Pattern PHONE = Pattern.compile("\\d{6,15}");
    /** Meta's business-scoped user id: the country code, a dot, then letters and digits ({@code RO.9083016613186091}). */
    private static final Pattern USER_ID = Pattern.compile("[A-Z]{2}\\.[A-Za-z0-9]{4,64}");

    private static final int MAX_NAME = 64;
    private static final int MAX_TEXT = 4096;
    private static final int MAX_READS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How the ids of the messages the simulator sends as a guest begin. */
    static final String MESSAGE_ID_PREFIX = "wamid.sandbox.";

    /** The samples the page offers, by name. */
    static final List<String> SAMPLES = List.of("voice", "image", "burst", "duplicate", "user-id-only");

    /**
     * Callbacks to post to the webhook, in order, for one guest.
     *
     * @param messageIds the ids of the guest messages they carry (empty for delivery statuses)
     */
    public record Outgoing(String guestId, List<String> messageIds, List<byte[]> callbacks) {}

    private final ServiceProperties service;
    private final WhatsAppProperties whatsApp;
    private final SignatureVerifier signer;
    private final SandboxReplies replies;
    private final Environment environment;
    private final Clock clock = Clock.systemUTC();
    private final String page;

    public Simulator(
            ServiceProperties service, WhatsAppProperties whatsApp, SandboxReplies replies, Environment environment) {
        this.service = service;
        this.whatsApp = whatsApp;
        this.signer = new SignatureVerifier(whatsApp.appSecret());
        this.replies = replies;
        this.environment = environment;
        this.page = resource("simulator/index.html");
    }

    /** The routes' precondition: the sandbox's routes exist only outside production (there its paths are 404). */
    public boolean available() {
        return !service.production();
    }

    public String page() {
        return page;
    }

    /** What the developer typed as the guest: a text-message callback; a bad field is an {@link IllegalArgumentException} (400). */
    public Outgoing message(@Body String body) {
        JsonNode form = form(body, "send JSON: {\"name\":…,\"phone\":…,\"userId\":…,\"text\":…}");
        SandboxGuest guest = guest(form);
        String text = form.path("text").asText("").strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must be 1 to " + MAX_TEXT + " characters");
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = message(root, guest, guest.phone(), "text");
        message.putObject("text").put("body", text);
        return new Outgoing(guest.id(), List.of(message.get("id").asText()), List.of(write(root)));
    }

    /**
     * The developer's tap on a choice of a sandbox reply: the callback Meta sends when the guest taps a reply
     * button ({@code button_reply}: id, title) or picks a list row ({@code list_reply}: id, title,
     * description), answering the message that offered it. The reply must be this guest's and offer that
     * choice, else it is an {@link IllegalArgumentException} (400).
     */
    public Outgoing tap(@Body String body) {
        JsonNode form = form(body, "send JSON: {\"name\":…,\"phone\":…,\"reply\":<reply id>,\"choice\":<choice id>}");
        SandboxGuest guest = guest(form);
        JsonNode replyId = form.path("reply");
        String choiceId = form.path("choice").asText("");
        if (!replyId.canConvertToLong() || choiceId.isEmpty()) {
            throw new IllegalArgumentException("name the reply (its id) and the choice (its id) that was tapped");
        }
        SandboxReplies.TappedChoice tapped = replies.choice(guest.id(), replyId.asLong(), choiceId)
                .orElseThrow(() -> new IllegalArgumentException(
                        "reply " + replyId.asLong() + " to this guest offers no choice " + choiceId));
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = message(root, guest, guest.phone(), "interactive");
        if (tapped.messageId() != null) {
            message.putObject("context").put("from", whatsApp.phoneNumberId()).put("id", tapped.messageId());
        }
        ObjectNode interactive = message.putObject("interactive").put("type", tapped.type());
        ObjectNode reply = interactive
                .putObject(tapped.type())
                .put("id", tapped.choice().id())
                .put("title", tapped.choice().title());
        if (SandboxReplies.LIST_REPLY.equals(tapped.type()) && tapped.choice().description() != null) {
            reply.put("description", tapped.choice().description());
        }
        return new Outgoing(guest.id(), List.of(message.get("id").asText()), List.of(write(root)));
    }

    /**
     * One of the fixtures' shapes from this guest: {@code voice} (a voice note), {@code image} (a photo
     * with a caption), {@code burst} (three texts in one callback, seconds apart), {@code duplicate} (one
     * text delivered twice, as Meta redelivers) or {@code user-id-only} (a text naming the guest by their
     * business-scoped user id alone).
     */
    public Outgoing sample(@Body String body) {
        JsonNode form = form(
                body, "send JSON: {\"name\":…,\"phone\":…,\"userId\":…,\"sample\":" + String.join("|", SAMPLES) + "}");
        SandboxGuest guest = guest(form);
        String sample = form.path("sample").asText("");
        ObjectNode root = JSON.createObjectNode();
        List<String> ids = new ArrayList<>();
        switch (sample) {
            case "voice" -> {
                ObjectNode message = message(root, guest, guest.phone(), "audio");
                message.putObject("audio")
                        .put("mime_type", "audio/ogg; codecs=opus")
                        .put("sha256", digest())
                        .put("id", mediaId())
                        .put("voice", true);
                ids.add(message.get("id").asText());
            }
            case "image" -> {
                ObjectNode message = message(root, guest, guest.phone(), "image");
                message.putObject("image")
                        .put("mime_type", "image/jpeg")
                        .put("sha256", digest())
                        .put("id", mediaId())
                        .put("caption", "Is this room free on Friday?");
                ids.add(message.get("id").asText());
            }
            case "burst" -> {
                long now = clock.instant().getEpochSecond();
                String[] texts = {"hi", "we are 2", "from the 12th to the 15th?"};
                ObjectNode first = message(root, guest, guest.phone(), "text");
                ArrayNode messages = (ArrayNode) root.at("/entry/0/changes/0/value/messages");
                for (int i = 0; i < texts.length; i++) {
                    ObjectNode message = i == 0 ? first : fill(messages.addObject(), guest, guest.phone(), "text");
                    message.put("timestamp", String.valueOf(now - texts.length + 1 + i));
                    message.putObject("text").put("body", texts[i]);
                    ids.add(message.get("id").asText());
                }
            }
            case "duplicate" -> {
                ObjectNode message = message(root, guest, guest.phone(), "text");
                message.putObject("text").put("body", "Is Vila Franceza free this weekend for 4?");
                ids.add(message.get("id").asText());
                byte[] callback = write(root);
                return new Outgoing(guest.id(), ids, List.of(callback, callback));
            }
            case "user-id-only" -> {
                if (guest.userId() == null) {
                    throw new IllegalArgumentException("this guest has no business-scoped user id to write from");
                }
                ObjectNode message = message(root, guest, null, "text");
                message.putObject("text").put("body", "Do you have anything this weekend?");
                ids.add(message.get("id").asText());
            }
            default -> throw new IllegalArgumentException("sample must be one of " + String.join(", ", SAMPLES));
        }
        return new Outgoing(guest.id(), ids, List.of(write(root)));
    }

    /**
     * The guest's phone shows replies: Meta's {@code read} status for those of {@code replies} that were
     * delivered to the sandbox and not read yet, in one callback (none when there are none).
     */
    public Outgoing reads(@Body String body) {
        JsonNode form = form(body, "send JSON: {\"phone\":…,\"userId\":…,\"replies\":[<reply id>, …]}");
        SandboxGuest guest = guest(form);
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : form.path("replies")) {
            if (id.canConvertToLong() && ids.size() < MAX_READS) {
                ids.add(id.asLong());
            }
        }
        List<SandboxReplies.Delivered> unread = replies.unread(guest.id(), ids);
        return new Outgoing(guest.id(), List.of(), unread.isEmpty() ? List.of() : List.of(statuses(unread, "read")));
    }

    /**
     * A reply the sandbox took: Meta's {@code sent} then {@code delivered} statuses for it, one callback
     * each, as Meta reports them, when it answers a message the simulator sent as a guest (the simulator
     * plays the phones of its own guests only; read receipts get no status). Nothing in production, where
     * nothing is delivered to the sandbox.
     */
    public Outgoing deliveryStatuses(@Body OutboundMessage row) {
        if (service.production()
                || row == null
                || !SandboxReplies.shownToTheGuest(row.kind())
                || row.inReplyTo() == null
                || !row.inReplyTo().startsWith(MESSAGE_ID_PREFIX)) {
            return new Outgoing(row == null ? null : row.guestId(), List.of(), List.of());
        }
        List<SandboxReplies.Delivered> delivered =
                List.of(new SandboxReplies.Delivered(row.id(), SandboxReplies.messageId(row.id()), row.recipient()));
        return new Outgoing(
                row.guestId(), List.of(), List.of(statuses(delivered, "sent"), statuses(delivered, "delivered")));
    }

    private byte[] statuses(List<SandboxReplies.Delivered> replies, String status) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode value = value(root);
        ArrayNode statuses = value.putArray("statuses");
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        for (SandboxReplies.Delivered reply : replies) {
            ObjectNode item = statuses.addObject()
                    .put("id", reply.messageId())
                    .put("status", status)
                    .put("timestamp", timestamp);
            item.put(
                    PHONE.matcher(reply.recipient()).matches() ? "recipient_id" : "recipient_user_id",
                    reply.recipient());
            item.putObject("pricing")
                    .put("billable", true)
                    .put("pricing_model", "PMP")
                    .put("category", "service")
                    .put("type", "free_customer_service");
        }
        return write(root);
    }

    /**
     * The callback's envelope for one message from this guest, written from {@code phone} (null: by user id
     * alone); returns the message, to be given its content.
     */
    ObjectNode message(ObjectNode root, SandboxGuest guest, String phone, String type) {
        ObjectNode value = value(root);
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", guest.name());
        if (phone != null) {
            contact.put("wa_id", phone);
        }
        if (guest.userId() != null) {
            contact.put("user_id", guest.userId());
        }
        return fill(value.putArray("messages").addObject(), guest, phone, type);
    }

    private ObjectNode fill(ObjectNode message, SandboxGuest guest, String phone, String type) {
        if (phone != null) {
            message.put("from", phone);
        }
        if (guest.userId() != null) {
            message.put("from_user_id", guest.userId());
        }
        return message.put("id", MESSAGE_ID_PREFIX + UUID.randomUUID())
                .put("timestamp", String.valueOf(clock.instant().getEpochSecond()))
                .put("type", type);
    }

    private ObjectNode value(ObjectNode root) {
        root.put("object", "whatsapp_business_account");
        ObjectNode change = root.putArray("entry")
                .addObject()
                .put("id", "sandbox")
                .putArray("changes")
                .addObject()
                .put("field", "messages");
        ObjectNode value = change.putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata")
                .put("display_phone_number", whatsApp.phoneNumberId())
                .put("phone_number_id", whatsApp.phoneNumberId());
        return value;
    }

    private static String digest() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String mediaId() {
        return String.valueOf(1_000_000_000_000_000L + Math.floorMod(RANDOM.nextLong(), 8_000_000_000_000_000L));
    }

    static byte[] write(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the sandbox callback", e);
        }
    }

    static JsonNode form(String body, String expected) {
        try {
            JsonNode form = JSON.readTree(body == null ? "" : body);
            if (form != null && form.isObject()) {
                return form;
            }
        } catch (JsonProcessingException e) {
            // the same answer as any other shape
        }
        throw new IllegalArgumentException(expected);
    }

    /** The guest a form names: a phone number, a business-scoped user id, or both. */
    static SandboxGuest guest(JsonNode form) {
        String phone = form.path("phone").asText("").replaceAll("[\\s+()-]", "");
        String userId = form.path("userId").asText("").strip();
        if (phone.isEmpty() && userId.isEmpty()) {
            throw new IllegalArgumentException("name the guest by phone (6 to 15 digits with the country code, e.g. "
                    + "40712345678) or by business-scoped user id (e.g. RO.9083016613186091)");
        }
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("phone must be 6 to 15 digits with the country code, e.g. 40712345678");
        }
        if (!userId.isEmpty() && !USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException("userId must be a business-scoped user id: a country code, a dot and "
                    + "4 to 64 letters or digits, e.g. RO.9083016613186091");
        }
        String name = form.path("name").asText("").strip();
        return new SandboxGuest(
                name.isEmpty() ? "Sandbox guest" : name.substring(0, Math.min(name.length(), MAX_NAME)),
                phone.isEmpty() ? null : phone,
                userId.isEmpty() ? null : userId);
    }

    /** {@code X-Hub-Signature-256} for the callback, made with the app secret as Meta makes it. */
    public String signature(@Body byte[] callback) {
        return signer.headerFor(callback);
    }

    /** This service's own webhook, on the port it actually listens on. */
    public String webhookUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port", "3001") + "/webhooks/whatsapp";
    }

    /**
     * What the page is told once the webhook answered every callback: whether it took them all, its
     * statuses in order, the guest and the ids of the messages sent.
     */
    public Map<String, Object> answer(Exchange exchange, @ExchangeProperty(SimulatorRoute.OUTGOING) Outgoing outgoing) {
        List<Integer> statuses = new ArrayList<>();
        if (exchange.getMessage().getBody() instanceof List<?> list) {
            for (Object status : list) {
                statuses.add(status instanceof Number n ? n.intValue() : null);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", statuses.stream().allMatch(s -> s != null && s == 200));
        answer.put("webhookStatus", statuses.isEmpty() ? null : statuses.get(statuses.size() - 1));
        answer.put("webhookStatuses", statuses);
        answer.put("guest", outgoing.guestId());
        answer.put("messageIds", outgoing.messageIds());
        return answer;
    }

    private static String resource(String path) {
        try (InputStream in = Simulator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
