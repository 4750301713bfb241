package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.language.FallbackReplies;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.language.PlainText;
import org.holidaydesk.assistant.agent.offline.reading.PartyReader;
import org.holidaydesk.assistant.agent.tools.FakePropertyTools;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.config.AppEnvironment;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.reply.Choice;
import org.holidaydesk.assistant.webhook.MessageKind;

/**
 * Party sizes as guests write them, generated ({@link GeneratedParties}) with the size they mean: read
 * exactly, and never answered with a property that sleeps fewer, over generated catalogs and whatever
 * else the message asks (dates, a month, nothing more). The tools answer as the real ones do: a search
 * offers only the properties that sleep the party it is given.
 */
class OfflineAgentPartySizeTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));
    private static final List<String> NAMES = List.of(
            "Casa Pescarului",
            "Vila Franceza",
            "Cabana Bradul",
            "Conacul Viilor",
            "Casa de pe Lac",
            "Vila Marina",
            "Cabana Ursului",
            "Pensiunea Dor");
    private static final List<String> TAGS =
            List.of("romantic", "family", "mountains", "pet-friendly", "groups", "sea");

    @Property(tries = 1000)
    void readsEveryGeneratedPartyExactly(@ForAll("parties") GeneratedParties.Party party) {
        assertThat(PartyReader.read(PlainText.of(party.words())))
                .as(party.toString())
                .isEqualTo(party.guests());
    }

    @Property(tries = 500)
    void neverOffersAPropertyThatSleepsFewerThanTheParty(
            @ForAll("parties") GeneratedParties.Party party,
            @ForAll("catalogs") List<PropertyTools.PropertySummary> catalog,
            @ForAll("asides") String aside) {
        FakePropertyTools tools = toolsFor(catalog);
        OfflineAgent agent = new OfflineAgent(
                tools,
                new MemoryGuestContexts(),
                new ServiceProperties(AppEnvironment.DEVELOPMENT, "+40 700 000 000", null));
        String message = party.words() + aside;

        AgentReply reply = agent.answer(new GuestTurn(
                "guest",
                null,
                null,
                List.of(new TurnMessage("wamid.1", MessageKind.TEXT, message, Instant.now())),
                TODAY));

        assertThat(reply)
                .as("answered, not the fallback")
                .isNotIn(
                        FallbackReplies.unavailable(LanguageGuess.ENGLISH, "+40 700 000 000"),
                        FallbackReplies.unavailable(LanguageGuess.ROMANIAN, "+40 700 000 000"));
        String answer = String.join("\n", reply.parts());
        List<String> offered =
                new ArrayList<>(reply.choices().stream().map(Choice::title).toList());
        catalog.stream()
                .map(PropertyTools.PropertySummary::name)
                .filter(name -> answer.contains("*" + name + "*"))
                .forEach(offered::add);
        for (String name : offered) {
            PropertyTools.PropertySummary property = tools.named(name);
            assertThat(property.maxGuests())
                    .as("%s offered for %s, answering:%n%s", name, party, answer)
                    .isGreaterThanOrEqualTo(party.guests());
        }
        assertThat(tools.calls.stream().filter(call -> call.startsWith("search_availability")))
                .as("every search is for the whole party")
                .allMatch(call -> call.endsWith(" " + party.guests()));
    }

    @Provide
    Arbitrary<GeneratedParties.Party> parties() {
        return GeneratedParties.parties();
    }

    /** Two to eight properties sleeping 1 to 12, with a tag or two each. */
    @Provide
    Arbitrary<List<PropertyTools.PropertySummary>> catalogs() {
        Arbitrary<PropertyTools.PropertySummary> property = Combinators.combine(
                        Arbitraries.of(NAMES),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.of(TAGS).list().ofMaxSize(2).uniqueElements())
                .as((name, sleeps, tags) -> FakePropertyTools.summary(
                        name.toLowerCase().replace(' ', '-'),
                        name,
                        "Somewhere",
                        sleeps,
                        100 + 50 * sleeps,
                        1,
                        tags,
                        List.of("wifi")));
        return property.list().ofMinSize(2).ofMaxSize(8).uniqueElements(PropertyTools.PropertySummary::name);
    }

    /** What else the message says: exact dates, a month, a wish, or nothing. */
    @Provide
    Arbitrary<String> asides() {
        LocalDate in = TODAY.plusDays(20);
        LocalDate out = in.plusDays(3);
        return Arbitraries.of(
                "",
                " from " + in + " to " + out,
                ", " + in.getDayOfMonth() + "." + in.getMonthValue() + "-" + out.getDayOfMonth() + "."
                        + out.getMonthValue(),
                " next month",
                " luna viitoare",
                ", something romantic?",
                ", ceva la munte?",
                " next weekend");
    }

    /** Tools over the catalog that answer as the real ones: only properties that sleep the party are offered. */
    private static FakePropertyTools toolsFor(List<PropertyTools.PropertySummary> catalog) {
        FakePropertyTools tools = new FakePropertyTools();
        tools.catalog = catalog;
        tools.search = (in, out, guests, property) -> {
            List<PropertyTools.Offer> fitting = catalog.stream()
                    .filter(p -> p.maxGuests() >= guests)
                    .map(p -> FakePropertyTools.offer(p, in, out, 0))
                    .toList();
            int nights = (int) (out.toEpochDay() - in.toEpochDay());
            return new PropertyTools.Availability(
                    in,
                    out,
                    nights,
                    guests,
                    null,
                    fitting,
                    fitting.size(),
                    new PropertyTools.Alternatives(List.of(), List.of()));
        };
        tools.calendar = (property, from) -> {
            PropertyTools.PropertySummary p = tools.named(property);
            LocalDate start = from == null ? TODAY : from;
            return new PropertyTools.Calendar(
                    p.id(),
                    p.name(),
                    start,
                    start.plusDays(30),
                    30,
                    List.of(new PropertyTools.Range(start, start.plusDays(30))),
                    List.of(),
                    p.minimumStay());
        };
        return tools;
    }
}
