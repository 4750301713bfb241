package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.support.Fixtures;
import org.holidaydesk.assistant.support.ServiceTest;
import org.holidaydesk.assistant.support.WebhookClient;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Conversations as guests have them, each message a signed callback through the real webhook and pipeline to
 * the offline agent, answered from the bundled sample catalog and its house guides: the context rules of the
 * README (a new search is for every property, a follow-up changes one thing and keeps the rest, what is known is
 * not asked again, what is remembered is said), German from the first question to the booking link, and every
 * guide fact in English, Romanian and German in the business's own words.
 */
@ServiceTest
class GuestConversationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));
    /** A month past every booking of the sample catalog (they are all within 40 days of today). */
    private static final YearMonth LATER = YearMonth.from(TODAY).plusMonths(3);

    private static final String CONTACT = "+40 700 000 000";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OfflineAgent offlineAgent;

    /** The month as the guest writes it. */
    private static String month(Locale locale) {
        return LATER.getMonth().getDisplayName(TextStyle.FULL, locale);
    }

    /** The month as the answers write it: with its year when that is not this year's. */
    private static String monthAnswered(Locale locale) {
        return month(locale) + (LATER.getYear() == TODAY.getYear() ? "" : " " + LATER.getYear());
    }

    // ---- the six conversations ----

    @Test
    void aGeneralSearchAfterAPropertyQuestionIsForEveryProperty() {
        Guest guest = new Guest("40711000001");
        assertThat(guest.says("Is Casa Pescarului available next month?")).contains("Casa Pescarului");

        String search = guest.says("Caut cazare 10-14 " + month(Locale.forLanguageTag("ro")) + " pentru 2 persoane");

        assertThat(search)
                .contains("Libere pe *10–14", "2 persoane", "Casa Pescarului", "Vila Franceza", "Cabana Bradul")
                .doesNotContain("despre care ați întrebat");
    }

    @Test
    void aSearchAfterAPetsQuestionIsForEveryProperty() {
        Guest guest = new Guest("40711000002");
        assertThat(guest.says("Can we bring our dog to Cabana Bradul?"))
                .contains("One dog is welcome, free of charge.");

        String search = guest.says("I need accommodation from 10 to 14 " + month(Locale.ENGLISH) + " for 2 people");

        assertThat(search)
                .contains("Free for *10–14", "2 guests", "Casa Pescarului", "Conacul Viilor", "Cabana Bradul")
                .doesNotContain("which you asked about");
    }

    @Test
    void aGuideQuestionAfterAPropertyIsAnsweredForItWithoutAskingForDatesAgain() {
        Guest guest = new Guest("40711000003");
        guest.says("Can we bring our dog to Cabana Bradul?");

        String checkIn = guest.says("What time is check-in?");

        assertThat(checkIn)
                .startsWith("For *Cabana Bradul*, which you asked about:")
                .contains("From 16:00; the key is in a lockbox by the door (we send the code on the day).")
                .doesNotContain("which dates", "Vila Franceza", "3344");

        Guest booked = new Guest("40711000033");
        assertThat(booked.says("Is Casa Pescarului free from 10 to 14 " + month(Locale.ENGLISH) + " for 2 people?"))
                .contains("Good news", "[Book 10–14 ");
        assertThat(booked.says("What time is check-in?"))
                .contains("From 14:00 to 20:00; the host meets you at the jetty.")
                .doesNotContain("which dates", "how many", "Vila Franceza", "4711");
    }

    @Test
    void aGermanSearchAfterAPropertyQuestionIsReadInGermanForEveryProperty() {
        Guest guest = new Guest("40711000004");
        guest.says("Is Casa Pescarului available next month?");

        String search =
                guest.says("Ich suche eine Unterkunft vom 10. bis 14. " + month(Locale.GERMAN) + " für zwei Personen");

        assertThat(search)
                .contains(
                        "Frei für *10.–14. " + monthAnswered(Locale.GERMAN),
                        "4 Nächte, 2 Personen",
                        "Casa Pescarului",
                        "Vila Franceza",
                        "Buchungslink")
                .doesNotContain("Free for", "wonach Sie gefragt haben");
    }

    @Test
    void aPartyGivenWithTheQuestionIsNotAskedForAgain() {
        Guest guest = new Guest("40711000005");

        String month = guest.says("Is Casa Pescarului free next month for two?");

        assertThat(month).contains("Casa Pescarului", "for 2 guests").doesNotContain("number of guests", "how many");
    }

    @Test
    void aFollowUpChangesOneThingAndKeepsTheRest() {
        Guest guest = new Guest("40711000006");
        String stay = "*10–14 " + monthAnswered(Locale.ENGLISH) + "*";
        assertThat(guest.says("Is Casa Pescarului free from 10 to 14 " + month(Locale.ENGLISH) + " for 2 people?"))
                .contains("Good news: *Casa Pescarului* is free for " + stay + " (4 nights, 2 guests)");

        assertThat(guest.says("and for 5 people?"))
                .startsWith("For *Casa Pescarului*, which you asked about:")
                .contains("is free for " + stay + " (4 nights, 5 guests)", "[Book 10–14 ", "](http");
        assertThat(guest.says("dar pentru 6 persoane?"))
                .startsWith("Pentru *Casa Pescarului*, despre care ați întrebat:")
                .contains("(4 nopți, 6 persoane)", "[Rezervă 10–14 ");
        assertThat(guest.says("what about the 20th to the 23rd?"))
                .startsWith("For *Casa Pescarului*, which you asked about:")
                .contains(
                        "is free for *20–23 " + monthAnswered(Locale.ENGLISH) + "* (3 nights, 6 guests)",
                        "[Book 20–23 ");
        assertThat(guest.says("and for 8 people?"))
                .contains("*Casa Pescarului* sleeps at most 6 guests.")
                .doesNotContain("[Book");
    }

    // ---- German, from the first question to the booking link ----

    @Test
    void aGermanConversationFromTheFirstQuestionToTheBookingLink() {
        Guest guest = new Guest("40711000007");
        String monat = monthAnswered(Locale.GERMAN);

        String first = guest.says("Hallo! Ist Casa Pescarului vom 10. bis 14. " + month(Locale.GERMAN) + " frei?");
        assertThat(first)
                .startsWith("Hallo! 👋")
                .contains("*Casa Pescarului* ist frei für *10.–14. " + monat + "* (4 Nächte)", "Wie viele Personen");

        String link = guest.says("Wir sind zu zweit");
        assertThat(link)
                .contains(
                        "Gute Nachricht: *Casa Pescarului* ist frei für *10.–14. " + monat + "* (4 Nächte, 2 Personen)",
                        "[Buchen 10–14 ",
                        "](http",
                        "insgesamt");

        String family = guest.says("Und für 2 Erwachsene und 1 Kind?");
        assertThat(family).contains("(4 Nächte, 3 Personen)", "[Buchen 10–14 ");

        String breakfast = guest.says("Ist das Frühstück inbegriffen?");
        assertThat(breakfast)
                .contains(
                        "Frühstück ist inbegriffen: Fisch, Eier, Käse und Marmelade aus dem Dorf, von 8:00 bis 10:00 Uhr.");
    }

    // ---- every guide fact in every language, from the sample catalog ----

    private static final Map<String, List<String>> QUESTIONS = Map.ofEntries(
            Map.entry(
                    "checkIn",
                    List.of(
                            "What time is check-in at Casa Pescarului?",
                            "La ce oră e check-in la Casa Pescarului?",
                            "Ab wann ist Check-in in Casa Pescarului?")),
            Map.entry(
                    "checkOut",
                    List.of(
                            "When is check-out at Casa Pescarului?",
                            "La ce ora e check-out la Casa Pescarului?",
                            "Bis wann ist Check-out in Casa Pescarului?")),
            Map.entry(
                    "breakfast",
                    List.of(
                            "Is breakfast included at Casa Pescarului?",
                            "Micul dejun e inclus la Casa Pescarului?",
                            "Ist Frühstück in Casa Pescarului inbegriffen?")),
            Map.entry(
                    "cancellation",
                    List.of(
                            "Can we cancel Casa Pescarului?",
                            "Se poate anula la Casa Pescarului?",
                            "Kann man Casa Pescarului kostenlos stornieren?")),
            Map.entry(
                    "payment",
                    List.of(
                            "Is there a deposit for Casa Pescarului?",
                            "Trebuie avans pentru Casa Pescarului?",
                            "Gibt es eine Anzahlung für Casa Pescarului?")),
            Map.entry(
                    "directions",
                    List.of(
                            "How do we get to Casa Pescarului from Tulcea?",
                            "Cum ajungem la Casa Pescarului din Tulcea?",
                            "Wie kommen wir zu Casa Pescarului?")),
            Map.entry(
                    "parking",
                    List.of(
                            "Where do we park at Casa Pescarului?",
                            "Unde parcam la Casa Pescarului?",
                            "Wo kann man bei Casa Pescarului parken?")),
            Map.entry(
                    "pets",
                    List.of(
                            "Can we bring our dog to Casa Pescarului?",
                            "Putem veni cu câinele la Casa Pescarului?",
                            "Dürfen wir unseren Hund nach Casa Pescarului mitbringen?")),
            Map.entry(
                    "houseRules",
                    List.of(
                            "Are parties allowed at Casa Pescarului?",
                            "Se fac petreceri la Casa Pescarului?",
                            "Sind Partys in Casa Pescarului erlaubt?")),
            Map.entry(
                    "included",
                    List.of(
                            "What is included at Casa Pescarului?",
                            "Ce este inclus la Casa Pescarului?",
                            "Was ist in Casa Pescarului inbegriffen?")),
            Map.entry(
                    "nearby",
                    List.of(
                            "Is there a shop near Casa Pescarului?",
                            "Este vreun magazin lângă Casa Pescarului?",
                            "Gibt es einen Laden bei Casa Pescarului?")),
            Map.entry(
                    "languages",
                    List.of(
                            "What languages does the host of Casa Pescarului speak?",
                            "Ce limbi vorbește gazda la Casa Pescarului?",
                            "Welche Sprachen spricht der Gastgeber von Casa Pescarului?")));

    @Test
    void everyGuideFactIsAnsweredInEveryLanguageWithTheBusinesssOwnWords() {
        JsonNode catalog = sampleCatalog();
        JsonNode casa = catalog.path("properties").get(0);
        assertThat(casa.path("id").asText()).isEqualTo("casa-pescarului");
        List<String> languages = List.of("en", "ro", "de");
        AtomicInteger checked = new AtomicInteger();
        QUESTIONS.forEach((fact, questions) -> {
            for (int i = 0; i < languages.size(); i++) {
                JsonNode text = casa.at("/guide/" + fact).isMissingNode()
                        ? catalog.at("/guide/" + fact)
                        : casa.at("/guide/" + fact);
                String expected =
                        text.path(languages.get(i)).asText(text.path("en").asText());
                String answer = offline("guide-" + fact + "-" + i, questions.get(i));
                assertThat(answer)
                        .as(languages.get(i) + " " + fact + ": " + questions.get(i))
                        .contains(expected)
                        .doesNotContain("4711", "delta-heron-2026", "2580", CONTACT);
                checked.incrementAndGet();
            }
        });
        assertThat(checked).hasValue(36);
    }

    private String offline(String guest, String text) {
        return offlineAgent
                .answer(new GuestTurn(
                        guest,
                        null,
                        null,
                        List.of(new TurnMessage(
                                "wamid.guide-" + IDS.incrementAndGet(), MessageKind.TEXT, text, Instant.now())),
                        TODAY))
                .parts()
                .get(0);
    }

    private static JsonNode sampleCatalog() {
        try (InputStream in = GuestConversationsTest.class.getResourceAsStream("/catalog/properties.yaml")) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- a guest writing through the webhook ----

    private final class Guest {

        private final String phone;
        private final WebhookClient meta = new WebhookClient(port);

        Guest(String phone) {
            this.phone = phone;
        }

        /** Posts the message as Meta would and returns the text of the reply to it. */
        String says(String text) {
            String wamid = "wamid.conversation-" + phone + "-" + IDS.incrementAndGet();
            byte[] body = callback(wamid, text);
            assertThat(meta.postCallback(body, Fixtures.sign(body)).statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> !replies(wamid).isEmpty());
            return String.join("\n", replies(wamid));
        }

        private List<String> replies(String wamid) {
            return jdbc.query(
                    "SELECT kind, body FROM outbox WHERE in_reply_to = ? AND kind IN ('text', 'interactive') ORDER BY id",
                    (rs, row) ->
                            "interactive".equals(rs.getString(1)) ? interactiveText(rs.getString(2)) : rs.getString(2),
                    wamid);
        }

        private byte[] callback(String wamid, String text) {
            try {
                ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.textCallback(wamid, "placeholder"));
                ObjectNode value = (ObjectNode) body.at("/entry/0/changes/0/value");
                ((ObjectNode) value.at("/contacts/0")).put("wa_id", phone);
                ObjectNode message = (ObjectNode) value.at("/messages/0");
                message.put("from", phone)
                        .put("timestamp", Long.toString(Instant.now().getEpochSecond()));
                ((ObjectNode) message.path("text")).put("body", text);
                return JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The interactive message's text; a booking button's label and address follow it as "[label](url)". */
        private String interactiveText(String stored) {
            try {
                JsonNode interactive = JSON.readTree(stored);
                JsonNode button = interactive.path("action").path("parameters");
                String text = interactive.path("body").path("text").asText();
                return "cta_url".equals(interactive.path("type").asText())
                        ? text + "\n[" + button.path("display_text").asText() + "]("
                                + button.path("url").asText() + ")"
                        : text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
