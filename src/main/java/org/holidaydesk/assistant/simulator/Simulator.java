package org.holidaydesk.assistant.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.holidaydesk.assistant.reply.Choice;
import org.holidaydesk.assistant.reply.SandboxReplies;
import org.holidaydesk.assistant.webhook.SignatureVerifier;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The development chat sandbox behind {@code /simulator}: a developer writes as a guest, and the message
 * takes the path a real one takes. It becomes a callback shaped like Meta's, signed with the app secret
 * and POSTed over HTTP to this service's own {@code /webhooks/whatsapp}; the replies the service queues
 * for that guest are delivered to the sandbox outbox (no access token) and read back by the page. A tap
 * on a reply button or list row the service offered goes back the same way, as Meta's interactive callback.
 * In production every simulator address answers 404.
 */
@Component("simulator")
public class Simulator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PHONE = Pattern.compile("\\d{6,15}");
    private static final int MAX_NAME = 64;
    private static final int MAX_TEXT = 4096;

    /** What a developer typed as the guest. */
    public record GuestInput(String name, String phone, String text) {
    }

    /** A choice the developer tapped as the guest, under one of the guest's sandbox replies. */
    public record GuestTap(String name, String phone, SandboxReplies.TappedChoice tapped) {
    }

    private final ServiceProperties service;
    private final WhatsAppProperties whatsApp;
    private final SignatureVerifier signer;
    private final SandboxReplies replies;
    private final Environment environment;
    private final Clock clock = Clock.systemUTC();
    private final String page;

    public Simulator(ServiceProperties service, WhatsAppProperties whatsApp, SandboxReplies replies, Environment environment) {
        this.service = service;
        this.whatsApp = whatsApp;
        this.signer = new SignatureVerifier(whatsApp.appSecret());
        this.replies = replies;
        this.environment = environment;
        this.page = resource("simulator/index.html");
    }

    public void requireDevelopment() {
        if (service.production()) {
            throw new SimulatorUnavailableException();
        }
    }

    public String page() {
        return page;
    }

    /** Reads and checks the developer's input; a bad field is an {@link IllegalArgumentException} (400). */
    public GuestInput input(@Body String body) {
        JsonNode form = form(body, "send JSON: {\"name\":…,\"phone\":…,\"text\":…}");
        String phone = phone(form);
        String text = form.path("text").asText("").strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must be 1 to " + MAX_TEXT + " characters");
        }
        return new GuestInput(name(form), phone, text);
    }

    /**
     * Reads the developer's tap on a choice of a sandbox reply; the reply must be this guest's and offer
     * that choice, else it is an {@link IllegalArgumentException} (400).
     */
    public GuestTap tap(@Body String body) {
        JsonNode form = form(body, "send JSON: {\"name\":…,\"phone\":…,\"reply\":<reply id>,\"choice\":<choice id>}");
        String phone = phone(form);
        JsonNode reply = form.path("reply");
        String choice = form.path("choice").asText("");
        if (!reply.canConvertToLong() || choice.isEmpty()) {
            throw new IllegalArgumentException("name the reply (its id) and the choice (its id) that was tapped");
        }
        SandboxReplies.TappedChoice tapped = replies.choice(phone, reply.asLong(), choice).orElseThrow(() ->
                new IllegalArgumentException("reply " + reply.asLong() + " to this guest offers no choice " + choice));
        return new GuestTap(name(form), phone, tapped);
    }

    /** A text-message callback as Meta would send it for this guest, on the configured business number. */
    public byte[] callback(@Body GuestInput guest) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = message(root, guest.name(), guest.phone(), "text");
        message.putObject("text").put("body", guest.text());
        return write(root);
    }

    /**
     * The callback Meta sends when the guest taps a reply button ({@code button_reply}: id, title) or
     * picks a list row ({@code list_reply}: id, title, description), answering the message that offered it.
     */
    public byte[] tapCallback(@Body GuestTap tap) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = message(root, tap.name(), tap.phone(), "interactive");
        SandboxReplies.TappedChoice tapped = tap.tapped();
        if (tapped.messageId() != null) {
            message.putObject("context").put("from", whatsApp.phoneNumberId()).put("id", tapped.messageId());
        }
        ObjectNode interactive = message.putObject("interactive").put("type", tapped.type());
        ObjectNode reply = interactive.putObject(tapped.type())
                .put("id", tapped.choice().id())
                .put("title", tapped.choice().title());
        if (SandboxReplies.LIST_REPLY.equals(tapped.type()) && tapped.choice().description() != null) {
            reply.put("description", tapped.choice().description());
        }
        return write(root);
    }

    /** The callback's envelope for one message from this guest; returns the message, to be given its content. */
    private ObjectNode message(ObjectNode root, String name, String phone, String type) {
        root.put("object", "whatsapp_business_account");
        ObjectNode change = root.putArray("entry").addObject().put("id", "sandbox").putArray("changes").addObject()
                .put("field", "messages");
        ObjectNode value = change.putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", whatsApp.phoneNumberId())
                .put("phone_number_id", whatsApp.phoneNumberId());
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", name);
        contact.put("wa_id", phone);
        return value.putArray("messages").addObject()
                .put("from", phone)
                .put("id", "wamid.sandbox." + UUID.randomUUID())
                .put("timestamp", String.valueOf(clock.instant().getEpochSecond()))
                .put("type", type);
    }

    private static byte[] write(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the sandbox callback", e);
        }
    }

    private static JsonNode form(String body, String expected) {
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

    private static String phone(JsonNode form) {
        String phone = form.path("phone").asText("").replaceAll("[\\s+()-]", "");
        if (!PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("phone must be 6 to 15 digits with the country code, e.g. 40712345678");
        }
        return phone;
    }

    private static String name(JsonNode form) {
        String name = form.path("name").asText("").strip();
        return name.isEmpty() ? "Sandbox guest" : name.substring(0, Math.min(name.length(), MAX_NAME));
    }

    /** {@code X-Hub-Signature-256} for the callback, made with the app secret as Meta makes it. */
    public String signature(@Body byte[] callback) {
        return signer.headerFor(callback);
    }

    /** This service's own webhook, on the port it actually listens on. */
    public String webhookUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port", "3001") + "/webhooks/whatsapp";
    }

    /** What the page is told once the webhook answered. */
    public Map<String, Object> delivered(@Header(Exchange.HTTP_RESPONSE_CODE) Integer status,
                                         @ExchangeProperty("guest") String guest) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", status != null && status == 200);
        answer.put("webhookStatus", status);
        answer.put("guest", guest);
        return answer;
    }

    /** The guest's replies in queue order, for the page to poll. */
    public List<Map<String, Object>> replies(@Header("guest") String guest) {
        if (guest == null || guest.isBlank()) {
            throw new IllegalArgumentException("name the guest: /simulator/messages?guest=40712345678");
        }
        return replies.forGuest(guest.strip()).stream().map(reply -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", reply.id());
            item.put("text", reply.text());
            item.put("state", reply.state());
            item.put("queuedAt", text(reply.queuedAt()));
            item.put("deliveredAt", text(reply.deliveredAt()));
            if (reply.choiceType() != null) {
                item.put("choiceType", reply.choiceType());
                item.put("listButton", reply.listButton());
                item.put("choices", reply.choices().stream().map(Simulator::choice).toList());
            }
            return item;
        }).toList();
    }

    private static Map<String, Object> choice(Choice choice) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", choice.id());
        item.put("title", choice.title());
        item.put("description", choice.description());
        return item;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
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
