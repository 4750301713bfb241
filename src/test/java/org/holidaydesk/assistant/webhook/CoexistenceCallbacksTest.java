package org.holidaydesk.assistant.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.holidaydesk.assistant.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * What the parser makes of the callbacks of a number shared with Meta Business Agent and the WhatsApp Business app,
 * from the fixtures shaped as Meta's webhook reference shows them.
 */
class CoexistenceCallbacksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CallbackParser parser = new CallbackParser();

    @Test
    void aStandbyMessageIsTheGuestsMessageMarkedAsStandby() throws IOException {
        StandbyMessage standby = only("standby_message", StandbyMessage.class);

        assertThat(standby.message().guestId()).isEqualTo("40752601815");
        assertThat(standby.message().kind()).isEqualTo(MessageKind.TEXT);
        assertThat(standby.message().text()).isEqualTo("Do you have parking at Vila Franceza?");
        assertThat(standby.message().displayName()).isEqualTo("Ana Popescu");
        assertThat(standby.message().phoneNumberId()).isEqualTo("106540352242922");
    }

    @Test
    void whatTheOtherResponderSentIsReadFromItsSendRequest() throws IOException {
        OtherSenderMessage sent = only("standby_echo", OtherSenderMessage.class);

        assertThat(sent.guestAddress()).isEqualTo("40752601815");
        assertThat(sent.text()).isEqualTo("Yes, Vila Franceza has free parking for two cars.");
    }

    @Test
    void handoversSayWhoAnswersNow() throws IOException {
        ThreadHandover passed = only("handover_control_passed", ThreadHandover.class);
        ThreadHandover taken = only("handover_control_taken", ThreadHandover.class);

        assertThat(passed.toThisApp()).isTrue();
        assertThat(passed.guestAddress()).isEqualTo("40752601815");
        assertThat(passed.previousOwnerRole()).isEqualTo("ai_agent");
        assertThat(passed.summary()).contains("parking at Vila Franceza");
        assertThat(passed.at()).isEqualTo(Instant.ofEpochSecond(1795536200));
        assertThat(taken.toAnother()).isTrue();
        assertThat(taken.newOwnerRole()).isEqualTo("escalation");
        assertThat(taken.metadata()).isEqualTo("Human agent stepping in");
    }

    @Test
    void editsAndRevokesNameTheOriginalMessage() throws IOException {
        MessageChange edit = only("edit_text", MessageChange.class);
        MessageChange revoke = only("revoke_text", MessageChange.class);
        MessageChange ownerEdit = only("echo_edit", MessageChange.class);
        MessageChange ownerRevoke = only("echo_revoke", MessageChange.class);

        assertThat(edit.revoke()).isFalse();
        assertThat(edit.byBusiness()).isFalse();
        assertThat(edit.originalWamid()).isEqualTo("wamid.npAWA3+EJnwujMLUX8zQls8Fri7FXENDvJwsSAwB");
        assertThat(edit.text()).isEqualTo("Hello, do you have a room for 2 from June 16 to June 20?");
        assertThat(edit.userId()).isEqualTo("RO.9083016613186091");
        assertThat(revoke.revoke()).isTrue();
        assertThat(revoke.text()).isNull();
        assertThat(ownerEdit.byBusiness()).isTrue();
        assertThat(ownerEdit.guestAddress()).isEqualTo("40752601815");
        assertThat(ownerEdit.text()).isEqualTo("Check-in is from 15:00, not 14:00.");
        assertThat(ownerRevoke.byBusiness()).isTrue();
        assertThat(ownerRevoke.revoke()).isTrue();
        assertThat(ownerRevoke.originalWamid()).isEqualTo(ownerEdit.originalWamid());
    }

    @Test
    void aChangedUserIdNamesTheOldAndTheNew() throws IOException {
        UserIdChange change = only("user_changed_user_id", UserIdChange.class);

        assertThat(change.oldUserId()).isEqualTo("US.13491208655302741918");
        assertThat(change.newUserId()).isEqualTo("US.20561733890145528204");
        assertThat(change.phoneNumber()).isNull();
    }

    @Test
    void aStoppedMarketingPreferenceIsRead() throws IOException {
        MarketingPreference preference = only("user_preferences_stop", MarketingPreference.class);

        assertThat(preference.guestAddress()).isEqualTo("40752601815");
        assertThat(preference.stopped()).isTrue();
    }

    private <T> T only(String fixture, Class<T> type) throws IOException {
        List<Object> items = parser.items(JSON.readValue(Fixtures.named(fixture).body(), CallbackPayload.class));
        assertThat(items).hasSize(1).first().isInstanceOf(type);
        return type.cast(items.get(0));
    }
}
