package org.holidaydesk.assistant.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.InboxRows;
import org.holidaydesk.assistant.support.ServiceTest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every signed body in the fixtures gets the status Meta's contract expects, and only accepted ones are stored. */
@ServiceTest
class WebhookFixturesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    WebhookClient client;
    InboxRows inbox;

    @BeforeEach
    void connect() {
        client = new WebhookClient(port);
        inbox = new InboxRows(jdbc);
    }

    static List<Fixtures.Case> cases() {
        return Fixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEachFixtureAsTheContractSays(Fixtures.Case fixture) {
        long before = inbox.count();

        HttpResponse<String> response = client.postCallback(fixture.body(), fixture.signature());

        assertThat(fixture.expectedStatuses()).contains(response.statusCode());
        if (response.statusCode() == 200) {
            assertThat(inbox.count()).isEqualTo(before + 1);
            InboxRows.Row stored = inbox.newest();
            assertThat(stored.payload()).isEqualTo(fixture.body());
            assertThat(stored.signature()).isEqualTo(fixture.signature());
        } else {
            assertThat(inbox.count())
                    .as("a refused callback leaves no inbox row")
                    .isEqualTo(before);
        }
        assertThat(response.headers().firstValue("X-Hub-Signature-256"))
                .as("request headers are not echoed back")
                .isEmpty();
    }
}
