package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.tools.FakePropertyTools;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.agent.tools.SampleCatalog;
import org.holidaydesk.assistant.config.AppEnvironment;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.webhook.MessageKind;

/**
 * Generated two-turn conversations: a question about a named property (or a search for it), then a general
 * search, which is for every property in any language, or a change of one thing, which keeps the property and the
 * rest and says it is the remembered property. Every property is free; searches are answered as the tools would.
 */
class TwoTurnConversationsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));
    private static final LocalDate LATER = TODAY.plusMonths(4).withDayOfMonth(1);

    private final FakePropertyTools tools = SampleCatalog.tools();
    private final OfflineAgent agent = new OfflineAgent(
            tools,
            new MemoryGuestContexts(),
            new ServiceProperties(AppEnvironment.DEVELOPMENT, "+40 700 000 000", null));

    TwoTurnConversationsTest() {
        tools.search = (in, out, guests, property) -> {
            List<PropertyTools.Offer> offers = tools.catalog.stream()
                    .filter(p -> p.maxGuests() >= guests)
                    .map(p -> offer(p, in, out))
                    .toList();
            PropertyTools.PropertySummary named = property == null
                    ? null
                    : tools.catalog.stream()
                            .filter(p -> p.name().equalsIgnoreCase(property))
                            .findFirst()
                            .orElseThrow();
            PropertyTools.Requested requested = named == null
                    ? null
                    : new PropertyTools.Requested(
                            named.id(),
                            named.name(),
                            named.maxGuests() >= guests
                                    ? PropertyTools.Status.AVAILABLE
                                    : PropertyTools.Status.TOO_MANY_GUESTS,
                            named.maxGuests(),
                            named.minimumStay());
            List<PropertyTools.Offer> available = named == null
                    ? offers
                    : offers.stream()
                            .filter(o -> o.propertyId().equals(named.id()))
                            .toList();
            return new PropertyTools.Availability(
                    in,
                    out,
                    nights(in, out),
                    guests,
                    requested,
                    available,
                    available.size(),
                    new PropertyTools.Alternatives(List.of(), named == null ? List.of() : offers));
        };
        tools.link = (property, in, out, guests) -> new PropertyTools.BookingLink(
                property,
                property,
                in,
                out,
                nights(in, out),
                guests,
                BigDecimal.valueOf(100L * nights(in, out)),
                "RON",
                "https://book.example/" + guests);
    }

    private static int nights(LocalDate in, LocalDate out) {
        return (int) (out.toEpochDay() - in.toEpochDay());
    }

    private static PropertyTools.Offer offer(PropertyTools.PropertySummary p, LocalDate in, LocalDate out) {
        return new PropertyTools.Offer(
                p.id(),
                p.name(),
                p.location(),
                p.maxGuests(),
                in,
                out,
                nights(in, out),
                p.nightlyPrice().multiply(BigDecimal.valueOf(nights(in, out))),
                p.currency(),
                0);
    }

    private String say(String guest, String text) {
        AgentReply reply = agent.answer(new GuestTurn(
                guest,
                null,
                null,
                List.of(new TurnMessage("wamid." + UUID.randomUUID(), MessageKind.TEXT, text, Instant.now())),
                TODAY));
        return String.join("\n", reply.parts());
    }

    private String lastSearch() {
        return tools.calls.stream()
                .filter(call -> call.startsWith("search_availability"))
                .reduce((a, b) -> b)
                .orElse("");
    }

    @Property(tries = 60)
    void aGeneralSearchAfterANamedPropertyIsForEveryProperty(
            @ForAll("properties") String property,
            @ForAll("firstTurns") String firstTurn,
            @ForAll("languages") String language,
            @ForAll @IntRange(min = 1, max = 2) int guests,
            @ForAll @IntRange(min = 2, max = 20) int day) {
        String guest = "guest-" + UUID.randomUUID();
        say(guest, firstTurn.formatted(property, month("en"), 2));

        String answer = say(guest, generalSearch(language, day, guests));

        assertThat(lastSearch())
                .isEqualTo("search_availability " + LATER.withDayOfMonth(day) + " " + LATER.withDayOfMonth(day + 4)
                        + " " + guests);
        assertThat(answer)
                .doesNotContain("which you asked about", "despre care ați întrebat", "wonach Sie gefragt haben")
                .contains("Casa Pescarului", "Vila Franceza", "Cabana Bradul");
    }

    @Property(tries = 60)
    void aChangeOfOneThingKeepsThePropertyAndTheRestAndSaysSo(
            @ForAll("properties") String property,
            @ForAll @IntRange(min = 2, max = 20) int day,
            @ForAll @IntRange(min = 1, max = 2) int first,
            @ForAll @IntRange(min = 1, max = 2) int then,
            @ForAll("changes") String change) {
        String guest = "guest-" + UUID.randomUUID();
        say(guest, "Is %s free from %d to %d %s for %d people?".formatted(property, day, day + 4, month("en"), first));

        String answer = say(guest, change.formatted(then));

        assertThat(lastSearch())
                .isEqualTo("search_availability " + LATER.withDayOfMonth(day) + " " + LATER.withDayOfMonth(day + 4)
                        + " " + then + " " + property);
        assertThat(answer)
                .containsAnyOf(
                        "For *" + property + "*, which you asked about:",
                        "Pentru *" + property + "*, despre care ați întrebat:",
                        "Für *" + property + "*, wonach Sie gefragt haben:");
    }

    private static String month(String language) {
        return LATER.getMonth().getDisplayName(TextStyle.FULL, Locale.forLanguageTag(language));
    }

    private static String generalSearch(String language, int day, int guests) {
        return switch (language) {
            case "ro" -> "Caut cazare %d-%d %s pentru %d persoane".formatted(day, day + 4, month("ro"), guests);
            case "de" ->
                "Ich suche eine Unterkunft vom %d. bis %d. %s für %d Personen"
                        .formatted(day, day + 4, month("de"), guests);
            default ->
                "I need accommodation from %d to %d %s for %d people".formatted(day, day + 4, month("en"), guests);
        };
    }

    @Provide
    Arbitrary<String> properties() {
        return Arbitraries.of("Casa Pescarului", "Vila Franceza", "Cabana Bradul", "Conacul Viilor", "Casa de pe Lac");
    }

    @Provide
    Arbitrary<String> firstTurns() {
        return Arbitraries.of(
                "Can we bring our dog to %s?",
                "Tell me about %s",
                "How much is %s per night?",
                "Is %s free from 3 to 6 %s for %d?",
                "Putem veni cu câinele la %s?",
                "Wie viel kostet %s pro Nacht?");
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of("en", "ro", "de");
    }

    @Provide
    Arbitrary<String> changes() {
        return Arbitraries.of(
                "and for %d people?", "what about for %d?", "dar pentru %d persoane?", "und für %d Personen?");
    }
}
