package org.holidaydesk.assistant.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.ServiceProcess;
import org.holidaydesk.assistant.support.WebhookClient;
import org.holidaydesk.assistant.webhook.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise about {@code .env}: the service reads it from the folder it is started in, and a
 * real environment variable of the same name wins. Shown on a real process started as from the jar.
 */
class DotEnvTest {

    @TempDir
    Path folder;

    @Test
    void readsDotEnvFromTheWorkingDirectoryButRealEnvironmentVariablesWin() throws Exception {
        Files.writeString(folder.resolve(".env"), """
                # copied from .env.example and filled in
                WHATSAPP_VERIFY_TOKEN=from-dotenv
                WHATSAPP_APP_SECRET=app-secret-from-dotenv
                BUSINESS_CONTACT=+40 711 111 111
                """);

        try (ServiceProcess service = ServiceProcess.startFrom(
                folder,
                Map.of("WHATSAPP_VERIFY_TOKEN", "from-the-environment"),
                Path.of("target", "dotenv-service.log"),
                null)) {
            WebhookClient meta = service.client();

            assertThat(meta.get(challenge("from-the-environment")).statusCode()).isEqualTo(200);
            assertThat(meta.get(challenge("from-dotenv")).statusCode()).isEqualTo(403);

            byte[] body = Fixtures.textCallback("wamid.dotenv-1", "hello");
            assertThat(meta.postCallback(body, new SignatureVerifier("app-secret-from-dotenv").headerFor(body))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(meta.postCallback(body, Fixtures.sign(body)).statusCode())
                    .isEqualTo(401);
        }
    }

    private static String challenge(String token) {
        return "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + token + "&hub.challenge=42";
    }
}
