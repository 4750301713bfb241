package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.offline.reading.Feature;
import org.holidaydesk.assistant.agent.offline.reading.Features;
import org.holidaydesk.assistant.agent.tools.FakePropertyTools;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.agent.tools.SampleCatalog;
import org.holidaydesk.assistant.config.AppEnvironment;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.reply.Choice;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.junit.jupiter.api.Test;

/**
 * What a guest wants of a place (romantic, family, mountains, pet-friendly, a pool, ...) puts the
 * properties that have it first, or alone when nothing is asked of dates, and the answer says so. The
 * wish is remembered for the next turns. The tools list free properties in their own order (best fit,
 * not wishes); dates are relative to today.
 */
class OfflineAgentPreferencesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));

    private final FakePropertyTools tools = SampleCatalog.tools();
    private final MemoryGuestContexts contexts = new MemoryGuestContexts();
    private final OfflineAgent agent = new OfflineAgent(
            tools, contexts, new ServiceProperties(AppEnvironment.DEVELOPMENT, "+40 700 000 000", null));
    private final AtomicInteger messageIds = new AtomicInteger();
    private final Wording english = Wording.of(LanguageGuess.ENGLISH, TODAY);
    private final Wording romanian = Wording.of(LanguageGuess.ROMANIAN, TODAY);
    private final List<PropertyTools.Availability> searched = new ArrayList<>();

    OfflineAgentPreferencesTest() {
        tools.search = (in, out, guests, property) -> {
            List<PropertyTools.Offer> free = tools.catalog.stream()
                    .filter(p -> p.maxGuests() >= guests)
                    .map(p -> FakePropertyTools.offer(p, in, out, 0))
                    .toList();
            PropertyTools.Availability result = new PropertyTools.Availability(
                    in,
                    out,
                    (int) (out.toEpochDay() - in.toEpochDay()),
                    guests,
                    null,
                    free,
                    free.size(),
                    new PropertyTools.Alternatives(List.of(), List.of()));
            searched.add(result);
            return result;
        };
        tools.calendar = (property, from) -> {
            PropertyTools.PropertySummary p = tools.named(property);
            return new PropertyTools.Calendar(
                    p.id(),
                    p.name(),
                    from,
                    from.plusDays(30),
                    30,
                    List.of(new PropertyTools.Range(from.plusDays(2), from.plusDays(6))),
                    List.of(),
                    p.minimumStay());
        };
    }

    private AgentReply reply(String guest, String text) {
        return agent.answer(new GuestTurn(
                guest,
                null,
                null,
                List.of(new TurnMessage(
                        "wamid." + messageIds.incrementAndGet(), MessageKind.TEXT, text, Instant.now())),
                TODAY));
    }

    /** The properties the answer lists, in its order. */
    private List<String> listed(AgentReply reply) {
        List<String> names = new ArrayList<>();
        for (String line : reply.parts().get(0).lines().toList()) {
            tools.catalog.stream()
                    .map(PropertyTools.PropertySummary::name)
                    .filter(name -> line.startsWith("• *" + name + "*"))
                    .forEach(names::add);
        }
        return names;
    }

    private List<String> having(String term) {
        Feature feature = Features.named(term, tools.catalog);
        return tools.catalog.stream()
                .filter(p -> feature.in(p.tags(), p.amenities()))
                .map(PropertyTools.PropertySummary::name)
                .toList();
    }

    @Test
    void somethingRomanticPutsTheRomanticPlacesFirstAndSaysSo() {
        AgentReply reply = reply("g1", "Something romantic for 2 next weekend");

        PropertyTools.Availability result = searched.get(0);
        assertThat(result.guests()).isEqualTo(2);
        assertThat(result.checkIn().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        List<String> romantic = having("romantic");
        List<String> listed = listed(reply);
        assertThat(listed)
                .hasSameElementsAs(result.available().stream()
                        .map(PropertyTools.Offer::name)
                        .toList());
        assertThat(listed.subList(0, romantic.size())).hasSameElementsAs(romantic);
        String answer = reply.parts().get(0);
        assertThat(answer)
                .contains(english.place().bestMatchesFirst(List.of(Features.named("romantic", tools.catalog))));
        for (String name : romantic) {
            assertThat(answer.lines()
                            .filter(line -> line.startsWith("• *" + name + "*"))
                            .findFirst()
                            .orElseThrow())
                    .endsWith(english.place().matched(List.of(Features.named("romantic", tools.catalog))));
        }
        assertThat(reply.choices()).extracting(Choice::title).containsExactlyElementsOf(listed);
    }

    @Test
    void somethingInTheMountainsInRomanianRanksOnlyThoseThatSleepTheParty() {
        AgentReply reply = reply("g1", "Ceva la munte pentru 4 persoane weekendul viitor");

        assertThat(reply.language()).isEqualTo(LanguageGuess.ROMANIAN);
        assertThat(searched.get(0).guests()).isEqualTo(4);
        List<String> listed = listed(reply);
        List<String> mountainsForFour = having("mountains").stream()
                .filter(name -> tools.named(name).maxGuests() >= 4)
                .toList();
        assertThat(listed.subList(0, mountainsForFour.size())).hasSameElementsAs(mountainsForFour);
        assertThat(listed).doesNotContain("Cabana Bradul");
        assertThat(reply.parts().get(0))
                .contains(romanian.place().bestMatchesFirst(List.of(Features.named("mountains", tools.catalog))));
    }

    @Test
    void whenNoFreePlaceHasItTheAnswerSaysSo() {
        AgentReply reply = reply("g1", "Something for fishing for 2 next weekend");

        assertThat(having("fishing")).isEmpty();
        assertThat(reply.parts().get(0))
                .contains(english.place().noneOfTheFreeMatch(List.of(Features.named("fishing", tools.catalog))));
        assertThat(listed(reply)).isNotEmpty();
    }

    @Test
    void withoutDatesOnlyThePlacesThatHaveItAreListed() {
        AgentReply reply = reply("g1", "Do you have anything with a pool?");

        assertThat(listed(reply)).containsExactlyElementsOf(having("pool"));
        assertThat(reply.parts().get(0))
                .contains(
                        english.place().matching(List.of(Features.named("pool", tools.catalog))),
                        english.askDatesAndGuests());
        assertThat(searched).isEmpty();
    }

    @Test
    void aWishNoPlaceHasListsEverythingAndSaysSo() {
        AgentReply reply = reply("g1", "Aveți ceva pentru pescuit?");

        assertThat(reply.parts().get(0))
                .contains(romanian.place().noneMatching(List.of(Features.named("fishing", tools.catalog))));
        assertThat(listed(reply)).hasSameSizeAs(tools.catalog);
    }

    @Test
    void theWishIsRememberedForTheDatesThatFollow() {
        reply("g1", "Something family friendly?");
        AgentReply reply = reply("g1", "next weekend for 4");

        List<String> family = having("family").stream()
                .filter(name -> tools.named(name).maxGuests() >= 4)
                .toList();
        assertThat(listed(reply).subList(0, family.size())).hasSameElementsAs(family);
        assertThat(contexts.saved.get("g1").features()).containsExactly("family");
    }

    @Test
    void aMonthListsThePlacesWithItFirst() {
        AgentReply reply = reply("g1", "anything with a hot tub next month?");

        assertThat(listed(reply).get(0)).isEqualTo(having("hot tub").get(0));
        assertThat(reply.parts().get(0))
                .contains(english.place().bestMatchesFirst(List.of(Features.named("hot tub", tools.catalog))));
    }

    @Test
    void aPartyDescribedAsAFamilyGetsFamilyPlacesFirstWithoutAQuestionAboutTheProperty() {
        AgentReply reply = reply("g1", "Cabana Bradul next weekend, we are a family of 4");

        String answer = reply.parts().get(0);
        assertThat(answer).doesNotContain("isn't one of our");
        assertThat(searched.get(0).guests()).isEqualTo(4);
    }
}
