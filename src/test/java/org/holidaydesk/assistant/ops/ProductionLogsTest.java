package org.holidaydesk.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.holidaydesk.assistant.support.CloudApiServer;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.OpenAiStub;
import org.holidaydesk.assistant.support.ServiceProcess;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;

/**
 * What an operator's log pipeline receives from a production process (its real standard output) while
 * guests are answered: one JSON object per line; the wamid in the MDC of every line about a message and
 * the turn id on every line about a turn; no phone number, user id, token or message text anywhere.
 * Our own code logs at DEBUG here, so that more lines go through the masking than production writes.
 */
class ProductionLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "40752601815";
    private static final String USER_ID = "RO.2154728038528084";
    private static final String WAMID = "wamid.production-logs-1";
    private static final String USER_ID_WAMID = "wamid.qw5/+qI2lqSS3gLdondMF8fzObL2QG/YCHLYQrWE";
    private static final String STATUS_WAMID = "wamid.StB5+QXHWF2bJZ4UADhwOIn4Jhp8kRI6dilXeFsy";
    private static final String GUEST_TEXT = "Is Casa Pescarului free QUOKKA for two?";
    private static final String MODEL_TEXT = "Casa Pescarului is free OKAPI, shall I book it?";
    private static final String ACCESS_TOKEN = "EAAGm0PX4ZCpsBAKZC3zGq1-logs";
    private static final String VERIFY_TOKEN = "verify-token-logs-31d2";
    private static final String OPERATOR_TOKEN = "operator-token-logs-8e0f";
    private static final String OPENAI_KEY = "sk-test-logs-5b7c9a";
    private static final String MCP_TOKEN = "mcp-token-logs-2a9d";

    /** Kept after the run, for a person to read what an operator's log pipeline would get. */
    private final Path logs = Path.of("target", "production-logs");

    @Test
    void writesOneMaskedJsonObjectPerLineNamingTheMessageAndTheTurn() throws Exception {
        Files.createDirectories(logs);
        Path out = logs.resolve("stdout.log");
        Path err = logs.resolve("stderr.log");
        try (CloudApiServer cloudApi = new CloudApiServer();
                OpenAiStub model = new OpenAiStub()) {
            model.answer("QUOKKA", MODEL_TEXT);
            model.fail("anything this weekend", 500);
            try (ServiceProcess service = ServiceProcess.start(
                    Map.ofEntries(
                            Map.entry("APP_ENV", "production"),
                            Map.entry("WHATSAPP_VERIFY_TOKEN", VERIFY_TOKEN),
                            Map.entry("WHATSAPP_APP_SECRET", Fixtures.APP_SECRET),
                            Map.entry("WHATSAPP_ACCESS_TOKEN", ACCESS_TOKEN),
                            Map.entry("WHATSAPP_PHONE_NUMBER_ID", "106540352242922"),
                            Map.entry("WHATSAPP_API_BASE_URL", cloudApi.baseUrl()),
                            Map.entry("OPERATOR_TOKEN", OPERATOR_TOKEN),
                            Map.entry("MCP_AUTH_TOKEN", MCP_TOKEN),
                            Map.entry("OPENAI_API_KEY", OPENAI_KEY),
                            Map.entry("OPENAI_BASE_URL", model.baseUrl()),
                            Map.entry("DATABASE_URL", "jdbc:h2:mem:production-logs;DB_CLOSE_DELAY=-1"),
                            Map.entry("ASSISTANT_PIPELINE_COALESCEWINDOW", "0s"),
                            Map.entry("LOGGING_LEVEL_ORG_HOLIDAYDESK_ASSISTANT", "DEBUG")),
                    out,
                    err)) {
                WebhookClient meta = service.client();
                byte[] question = Fixtures.textCallback(WAMID, GUEST_TEXT);
                assertThat(meta.postCallback(question, Fixtures.sign(question)).statusCode())
                        .isEqualTo(200);
                Fixtures.Case userIdOnly = Fixtures.named("username_only_user");
                assertThat(meta.postCallback(userIdOnly.body(), userIdOnly.signature())
                                .statusCode())
                        .isEqualTo(200);
                Fixtures.Case failedStatus = Fixtures.named("status_failed_131047");
                assertThat(meta.postCallback(failedStatus.body(), failedStatus.signature())
                                .statusCode())
                        .isEqualTo(200);

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> cloudApi.textSends().stream()
                                        .map(CloudApiServer.Send::to)
                                        .toList()
                                        .containsAll(List.of(PHONE, USER_ID))
                                && Files.readString(out).contains("131047"));
                service.terminate();
                service.awaitExit(Duration.ofSeconds(60));
            }
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode json = parse(line);
            assertThat(json.isObject()).as("a JSON object: %s", line).isTrue();
            assertThat(json.hasNonNull("@timestamp") && json.at("/log/level").isTextual() && json.has("message"))
                    .as("an ECS line: %s", line)
                    .isTrue();
            lines.add(json);
        }
        assertThat(lines).hasSizeGreaterThan(20);
        assertThat(lines)
                .extracting(l -> l.path("message").asText())
                .as("started as the image starts it: on the build's ahead-of-time bean definitions")
                .anyMatch(m -> m.startsWith("Starting AOT-processed AssistantApplication"));

        String everything = Files.readString(out) + Files.readString(err);
        assertThat(everything)
                .doesNotContain(
                        PHONE,
                        "752601815",
                        "2154728038528084",
                        "40739099603",
                        "0824628194821993",
                        ACCESS_TOKEN,
                        Fixtures.APP_SECRET,
                        VERIFY_TOKEN,
                        OPERATOR_TOKEN,
                        OPENAI_KEY,
                        MCP_TOKEN,
                        "QUOKKA",
                        "OKAPI",
                        "anything this weekend",
                        "Ana Popescu",
                        "Ioana Stan");

        List<JsonNode> aboutTheMessage = lines.stream()
                .filter(l -> l.path("wamid").asText().contains(WAMID))
                .toList();
        assertThat(aboutTheMessage)
                .extracting(l -> l.at("/log/logger").asText())
                .as("the message is recorded, its turn answered and its replies sent, each line naming it")
                .contains(GuestMessagesLogger.NAME, LogContext.class.getName(), OutboxResultsLogger.NAME);
        for (String wamid : List.of(WAMID, USER_ID_WAMID, STATUS_WAMID)) {
            assertThat(lines)
                    .filteredOn(l -> l.path("message").asText().contains(wamid))
                    .as("a line that names message %s carries it in its MDC", wamid)
                    .allSatisfy(l -> assertThat(l.path("wamid").asText()).contains(wamid));
        }
        assertThat(lines)
                .filteredOn(l -> l.path("wamid").asText().contains(STATUS_WAMID))
                .extracting(l -> l.path("message").asText())
                .anyMatch(m -> m.contains("131047"));
        assertThat(lines)
                .filteredOn(l -> List.of("guest-turn", "model-turn")
                        .contains(l.at("/camel/routeId").asText()))
                .as("every line of a turn names the turn and its messages")
                .isNotEmpty()
                .allSatisfy(l -> {
                    assertThat(l.path("turnId").asText()).matches("[0-9a-f]{12}");
                    assertThat(l.path("wamid").asText()).startsWith("wamid.");
                });
        assertThat(lines)
                .filteredOn(l -> l.path("message").asText().startsWith("The model gave no answer"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.path("turnId").asText()).matches("[0-9a-f]{12}");
                    assertThat(l.path("wamid").asText()).isEqualTo(USER_ID_WAMID);
                });
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static final class GuestMessagesLogger {
        static final String NAME = "org.holidaydesk.assistant.inbox.GuestMessages";
    }

    private static final class OutboxResultsLogger {
        static final String NAME = "org.holidaydesk.assistant.reply.OutboxResults";
    }
}
