package org.holidaydesk.assistant.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.holidaydesk.assistant.webhook.SignatureVerifier;

/**
 * Meta's signed callbacks from {@code src/test/resources/fixtures} (a copy of the shared fixtures):
 * each case's raw body, its signature header and the HTTP statuses a correct service answers.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode INDEX = readIndex();

    public static final String APP_SECRET = INDEX.get("app_secret").asText();
    public static final String VERIFY_TOKEN = INDEX.get("verify_token").asText();

    private Fixtures() {}

    public record Case(String name, byte[] body, String signature, List<Integer> expectedStatuses, String duplicateOf) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : INDEX.get("cases")) {
            List<Integer> statuses = new ArrayList<>();
            c.get("expect").get("http").forEach(s -> statuses.add(s.asInt()));
            String duplicateOf =
                    c.hasNonNull("duplicate_of") ? c.get("duplicate_of").asText() : null;
            if (c.hasNonNull("generate")) {
                byte[] body = oversizeBody(c.get("generate").get("bytes").asInt());
                cases.add(new Case(c.get("name").asText(), body, sign(body), statuses, duplicateOf));
            } else {
                String signature =
                        c.hasNonNull("signature") ? c.get("signature").asText() : null;
                cases.add(new Case(
                        c.get("name").asText(),
                        resource("fixtures/" + c.get("body").asText()),
                        signature,
                        statuses,
                        duplicateOf));
            }
        }
        return cases;
    }

    public static Case named(String name) {
        return cases().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture case " + name));
    }

    public static String sign(byte[] body) {
        return new SignatureVerifier(APP_SECRET).headerFor(body);
    }

    /** A valid envelope padded past {@code bytes} with one long text message, as the fixture tool builds it. */
    public static byte[] oversizeBody(int bytes) {
        String envelope = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"1\",\"phone_number_id\":\"1\"},"
                + "\"messages\":[{\"from\":\"1\",\"id\":\"wamid.oversize\",\"timestamp\":\"1\",\"type\":\"text\","
                + "\"text\":{\"body\":\"" + "x".repeat(bytes) + "\"}}]},\"field\":\"messages\"}]}]}";
        return envelope.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh, valid text callback with its own message id, for load and durability tests. */
    public static byte[] textCallback(String messageId, String text) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                        + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                        + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Ana Popescu\"},"
                        + "\"wa_id\":\"40752601815\"}],\"messages\":[{\"from\":\"40752601815\",\"id\":\"" + messageId
                        + "\","
                        + "\"timestamp\":\"1795536007\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]},"
                        + "\"field\":\"messages\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readIndex() {
        try {
            return JSON.readTree(resource("fixtures/cases.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
