package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.tools.FakePropertyTools;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.agent.tools.SampleCatalog;
import org.holidaydesk.assistant.config.AppEnvironment;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.junit.jupiter.api.Test;

/**
 * Guide questions answered from what {@code get_house_guide} gives: the business's own words for the property
 * asked about, "I don't know" with the business's contact where its guide lacks the fact (never another
 * property's), each property where the fact differs, and the guide's free questions.
 */
class OfflineAgentGuideTest {

    private static final String CONTACT = "+40 700 000 000";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));
    private static final String CASA_BREAKFAST = "Breakfast is included: fish and eggs, 8:00 to 10:00.";

    private final FakePropertyTools tools = SampleCatalog.tools();
    private final OfflineAgent agent = new OfflineAgent(
            tools, new MemoryGuestContexts(), new ServiceProperties(AppEnvironment.DEVELOPMENT, CONTACT, null));
    private final AtomicInteger messageIds = new AtomicInteger();

    OfflineAgentGuideTest() {
        tools.guides = (property, language) -> {
            if (property == null) {
                return new PropertyTools.HouseGuide(
                        null,
                        null,
                        Map.of(
                                "cancellation",
                                new PropertyTools.GuideFact("Free up to 14 days before arrival.", "en", "business")),
                        Map.of(
                                "breakfast",
                                List.of(
                                        new PropertyTools.PropertyGuideFact(
                                                "casa-pescarului", "Casa Pescarului", CASA_BREAKFAST, "en"),
                                        new PropertyTools.PropertyGuideFact(
                                                "vila-franceza", "Vila Franceza", null, null))),
                        List.of("parking"),
                        List.of(new PropertyTools.GuideQuestion(
                                "Do you issue invoices?", "Yes, for companies and persons.", "en", "business")));
            }
            if (property.contains("Casa")) {
                return new PropertyTools.HouseGuide(
                        "casa-pescarului",
                        "Casa Pescarului",
                        Map.of(
                                "breakfast",
                                new PropertyTools.GuideFact(CASA_BREAKFAST, "en", "property"),
                                "pets",
                                new PropertyTools.GuideFact("Dogs are welcome, 50 RON per stay.", "en", "property")),
                        Map.of(),
                        List.of("checkIn"),
                        List.of());
            }
            return new PropertyTools.HouseGuide(
                    "vila-franceza",
                    "Vila Franceza",
                    Map.of(),
                    Map.of(),
                    List.of("breakfast", "pets", "parking"),
                    List.of());
        };
    }

    private String say(String guest, String text) {
        AgentReply reply = agent.answer(new GuestTurn(
                guest,
                null,
                null,
                List.of(new TurnMessage(
                        "wamid." + messageIds.incrementAndGet(), MessageKind.TEXT, text, Instant.now())),
                TODAY));
        assertThat(reply.parts()).hasSize(1);
        return reply.parts().get(0);
    }

    @Test
    void aFactIsQuotedInTheBusinesssOwnWords() {
        assertThat(say("g1", "Is breakfast included at Casa Pescarului?"))
                .isEqualTo("*Casa Pescarului* – breakfast: _" + CASA_BREAKFAST + "_");
        assertThat(tools.calls).containsExactly("list_properties", "get_house_guide Casa Pescarului en");
    }

    @Test
    void aPropertyWhoseGuideLacksTheFactGetsIDontKnowAndTheContactNeverAnotherPropertysValue() {
        String answer = say("g2", "Is breakfast included at Vila Franceza?");

        assertThat(answer).contains("I don't know", "Vila Franceza", CONTACT).doesNotContain(CASA_BREAKFAST, "fish");
    }

    @Test
    void withoutAPropertyAFactThatDiffersIsGivenForEachProperty() {
        String answer = say("g3", "Is breakfast included?");

        assertThat(answer)
                .contains(
                        "it depends on the property",
                        "• *Casa Pescarului*: _" + CASA_BREAKFAST + "_",
                        "• *Vila Franceza*: I don't know",
                        CONTACT);
    }

    @Test
    void withoutAPropertyTheBusinesssFactIsGivenAndAFactNobodyWroteIsNotKnown() {
        assertThat(say("g4", "Can we cancel?")).isEqualTo("Cancellation: _Free up to 14 days before arrival._");
        assertThat(say("g5", "Can you tell me your check-in time?")).contains("I don't know about check-in", CONTACT);
    }

    @Test
    void aQuestionAfterAPropertyUsesThatPropertyAndSaysSo() {
        say("g6", "Tell me about Casa Pescarului");

        String answer = say("g6", "Can we bring our dog?");

        assertThat(answer)
                .startsWith("For *Casa Pescarului*, which you asked about:")
                .contains("Dogs are welcome, 50 RON per stay.")
                .doesNotContain("which dates");
    }

    @Test
    void aGuideWithoutPetsLeavesTheAnswerToTheCatalogsTags() {
        String answer = say("g7", "Can we bring our dog to Vila Franceza?");

        assertThat(answer).contains("Vila Franceza").doesNotContain("I don't know about pets");
    }

    @Test
    void theGuidesOwnQuestionsAreAnswered() {
        assertThat(say("g8", "Do you issue invoices? And what is your cancellation policy?"))
                .contains(
                        "Free up to 14 days before arrival.",
                        "*Do you issue invoices?* _Yes, for companies and persons._");
    }

    @Test
    void germanQuestionsAreAnsweredInGerman() {
        String answer = say("g9", "Ist Frühstück in der Vila Franceza inbegriffen?");

        assertThat(answer).contains("Frühstück", "weiß ich nichts", "Vila Franceza", CONTACT);
        assertThat(tools.calls).contains("get_house_guide Vila Franceza de");
    }

    @Test
    void germanPropertyQuestionsAreReadAndAnsweredInGerman() {
        assertThat(say("g10", "Wie viel kostet Cabana Bradul pro Nacht?"))
                .contains("*Cabana Bradul*: *380 RON* pro Nacht für die ganze Unterkunft; mindestens 1 Nacht.");
        assertThat(say("g11", "Wie viele Schlafzimmer hat Vila Franceza?"))
                .contains("*Vila Franceza* bietet Platz für bis zu *10 Personen*");
    }
}
