package org.holidaydesk.assistant.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.ServiceTest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A guest stays one guest while Meta names them by phone number and business-scoped user id, then by the
 * user id alone: one guest row, all messages under one guest id, replies to the address Meta last gave.
 */
@ServiceTest
class GuestIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    WebhookClient meta;

    @BeforeEach
    void connect() {
        meta = new WebhookClient(port);
    }

    @Test
    void aGuestWhoLaterWritesByUserIdAloneStaysTheSameGuest() throws IOException {
        String phone = "40700000931";
        String userId = "RO.9310000000000931";
        byte[] both = namedByBoth("wamid.identity-both-931", phone, userId);
        byte[] userIdOnly = namedByUserIdOnly("wamid.identity-user-only-931", userId);

        assertThat(meta.postCallback(both, Fixtures.sign(both)).statusCode()).isEqualTo(200);
        awaitRecorded("wamid.identity-both-931");
        assertThat(meta.postCallback(userIdOnly, Fixtures.sign(userIdOnly)).statusCode())
                .isEqualTo(200);
        awaitRecorded("wamid.identity-user-only-931");

        assertThat(jdbc.queryForList(
                        "SELECT guest_id FROM guest_message WHERE wamid IN (?, ?)",
                        String.class,
                        "wamid.identity-both-931",
                        "wamid.identity-user-only-931"))
                .containsExactly(phone, phone);
        assertThat(jdbc.queryForList(
                        "SELECT guest_id FROM guest WHERE guest_id IN (?, ?)", String.class, phone, userId))
                .containsExactly(phone);
        assertThat(replyTo("wamid.identity-both-931")).isEqualTo(phone);
        assertThat(replyTo("wamid.identity-user-only-931"))
                .as("a reply can only go where Meta named the guest")
                .isEqualTo(userId);
    }

    @Test
    void aUserIdNeverSeenWithAPhoneNumberIsItsOwnGuest() throws IOException {
        String userId = "RO.9320000000000932";
        byte[] userIdOnly = namedByUserIdOnly("wamid.identity-user-only-932", userId);

        assertThat(meta.postCallback(userIdOnly, Fixtures.sign(userIdOnly)).statusCode())
                .isEqualTo(200);
        awaitRecorded("wamid.identity-user-only-932");

        assertThat(jdbc.queryForObject(
                        "SELECT guest_id FROM guest_message WHERE wamid = 'wamid.identity-user-only-932'",
                        String.class))
                .isEqualTo(userId);
        assertThat(replyTo("wamid.identity-user-only-932")).isEqualTo(userId);
        assertThat(jdbc.queryForList("SELECT guest_id FROM guest WHERE guest_id = ?", String.class, userId))
                .containsExactly(userId);
        assertThat(jdbc.queryForList("SELECT guest_id FROM guest_alias WHERE user_id = ?", String.class, userId))
                .isEmpty();
    }

    private void awaitRecorded(String wamid) {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.queryForObject("SELECT COUNT(*) FROM guest_message WHERE wamid = ?", Long.class, wamid)
                                == 1);
    }

    private String replyTo(String wamid) {
        return jdbc.queryForObject("SELECT reply_to FROM guest_message WHERE wamid = ?", String.class, wamid);
    }

    /** The interactive_button_reply fixture (from, wa_id, from_user_id and user_id) for another guest. */
    private static byte[] namedByBoth(String wamid, String phone, String userId) throws IOException {
        ObjectNode body = (ObjectNode)
                JSON.readTree(Fixtures.named("interactive_button_reply").body());
        ObjectNode value = (ObjectNode) body.at("/entry/0/changes/0/value");
        ((ObjectNode) value.at("/contacts/0")).put("wa_id", phone).put("user_id", userId);
        ((ObjectNode) value.at("/messages/0"))
                .put("id", wamid)
                .put("from", phone)
                .put("from_user_id", userId);
        return JSON.writeValueAsBytes(body);
    }

    /** The username_only_user fixture (from_user_id and user_id, no phone number) for another guest and text. */
    private static byte[] namedByUserIdOnly(String wamid, String userId) throws IOException {
        ObjectNode body =
                (ObjectNode) JSON.readTree(Fixtures.named("username_only_user").body());
        ObjectNode value = (ObjectNode) body.at("/entry/0/changes/0/value");
        ((ObjectNode) value.at("/contacts/0")).put("user_id", userId);
        ObjectNode message =
                ((ObjectNode) value.at("/messages/0")).put("id", wamid).put("from_user_id", userId);
        message.putObject("text").put("body", "Is the cabin free for 2 next weekend?");
        return JSON.writeValueAsBytes(body);
    }
}
