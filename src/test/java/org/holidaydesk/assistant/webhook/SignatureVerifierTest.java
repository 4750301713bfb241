package org.holidaydesk.assistant.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private final SignatureVerifier verifier = new SignatureVerifier("dev-fixture-app-secret-6f1c");
    private final byte[] body =
            "{\"text\":\"Bun\\u0103 ziua, https:\\/\\/example.ro\"}".getBytes(StandardCharsets.US_ASCII);

    @Test
    void acceptsTheHmacOfTheRawBytes() {
        assertThat(verifier.matches(body, verifier.headerFor(body))).isTrue();
    }

    @Test
    void rejectsTheHmacOfTheSameJsonReencoded() {
        byte[] reencoded = "{\"text\":\"Bună ziua, https://example.ro\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.matches(body, verifier.headerFor(reencoded))).isFalse();
    }

    @Test
    void rejectsBodySignedWithAnotherSecret() {
        String other = new SignatureVerifier("another-secret").headerFor(body);

        assertThat(verifier.matches(body, other)).isFalse();
    }

    @Test
    void rejectsMissingTruncatedNonHexAndSha1Values() {
        String good = verifier.headerFor(body);

        assertThat(verifier.matches(body, null)).isFalse();
        assertThat(verifier.matches(body, "")).isFalse();
        assertThat(verifier.matches(body, good.substring(0, good.length() - 2))).isFalse();
        assertThat(verifier.matches(body, "sha256=" + "zz".repeat(32))).isFalse();
        assertThat(verifier.matches(body, "sha1=" + good.substring(7, 47))).isFalse();
        assertThat(verifier.matches(body, good.replace("sha256=", "SHA256="))).isFalse();
    }

    @Test
    void acceptsUpperCaseHexOfTheRightDigest() {
        String good = verifier.headerFor(body);

        assertThat(verifier.matches(body, "sha256=" + good.substring(7).toUpperCase()))
                .isTrue();
    }
}
