package org.holidaydesk.assistant.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.holidaydesk.assistant.AssistantApplication;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/** When the agent fails or hangs, the guest still gets an answer: a short apology with the business's contact. */
@SpringBootTest(
        classes = {AssistantApplication.class, AgentFailureTest.BrokenAgent.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "WHATSAPP_APP_SECRET=dev-fixture-app-secret-6f1c",
            "MANAGEMENT_PORT=0",
            "BUSINESS_CONTACT=+40 711 222 333",
            "DATABASE_URL=jdbc:h2:mem:agent-failure;DB_CLOSE_DELAY=-1",
            "assistant.pipeline.agent-timeout=1s"
        })
class AgentFailureTest {

    /** Named in {@code classes} only: unannotated, so component scanning in other tests never finds it. */
    static class BrokenAgent {
        /** Throws for one guest, never answers for another, answers the rest. */
        @Bean
        @Primary
        GuestAgent brokenAgent() {
            return turn -> switch (turn.guestId()) {
                case "40700000001" -> throw new IllegalStateException("model unreachable");
                case "40700000002" -> {
                    await().forever().until(() -> Thread.currentThread().isInterrupted());
                    yield AgentReply.of("en", "too late");
                }
                default -> AgentReply.of("en", "fine");
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailingAgentGivesTheGuestTheContactInTheirLanguage() {
        post("40700000001", "wamid.failing-agent", "Bună, aveți cazare pentru două persoane?");

        String reply = awaitReply("40700000001");

        assertThat(reply)
                .contains("+40 711 222 333")
                .contains("Îmi pare rău")
                .doesNotContain("Exception", "model unreachable");
    }

    @Test
    void anAgentThatNeverAnswersIsCutOffAtTheTimeout() {
        post("40700000002", "wamid.hanging-agent", "Hello, is anything free this weekend?");

        String reply = awaitReply("40700000002");

        assertThat(reply).contains("+40 711 222 333").startsWith("Sorry");
    }

    private void post(String guest, String wamid, String text) {
        byte[] body = new String(Fixtures.textCallback(wamid, text), java.nio.charset.StandardCharsets.UTF_8)
                .replace("40752601815", guest)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new WebhookClient(port)
                        .postCallback(body, Fixtures.sign(body))
                        .statusCode())
                .isEqualTo(200);
    }

    private String awaitReply(String guest) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !jdbc.queryForList(
                                "SELECT body FROM outbox WHERE recipient = ? AND kind = 'text'", String.class, guest)
                        .isEmpty());
        List<String> replies =
                jdbc.queryForList("SELECT body FROM outbox WHERE recipient = ? AND kind = 'text'", String.class, guest);
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }
}
