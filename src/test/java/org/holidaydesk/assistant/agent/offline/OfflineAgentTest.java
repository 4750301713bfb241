package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.BookingButton;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.language.FallbackReplies;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.tools.FakePropertyTools;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.agent.tools.ToolRefusedException;
import org.holidaydesk.assistant.agent.tools.ToolsUnavailableException;
import org.holidaydesk.assistant.config.AppEnvironment;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.junit.jupiter.api.Test;

/**
 * The offline agent's answer rules against property tools that answer what each test sets, on a fixed
 * day (Wednesday 25 November 2026).
 */
class OfflineAgentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String CONTACT = "+40 700 000 000";
    private static final LocalDate JUNE_15 = LocalDate.of(2027, 6, 15);
    private static final LocalDate JUNE_20 = LocalDate.of(2027, 6, 20);

    private final FakePropertyTools tools = new FakePropertyTools();
    private final MemoryGuestContexts contexts = new MemoryGuestContexts();
    private final OfflineAgent agent =
            new OfflineAgent(tools, contexts, new ServiceProperties(AppEnvironment.DEVELOPMENT, CONTACT, null));
    private final AtomicInteger messageIds = new AtomicInteger();

    private AgentReply say(String guest, String hint, TurnMessage... messages) {
        return agent.answer(new GuestTurn(guest, "Guest", hint, List.of(messages), TODAY));
    }

    private AgentReply say(String guest, String text) {
        return say(guest, null, text(text));
    }

    private TurnMessage text(String text) {
        return new TurnMessage("wamid." + messageIds.incrementAndGet(), MessageKind.TEXT, text, Instant.now());
    }

    private TurnMessage media(MessageKind kind) {
        return new TurnMessage("wamid." + messageIds.incrementAndGet(), kind, null, Instant.now());
    }

    private static String only(AgentReply reply) {
        assertThat(reply.parts()).hasSize(1);
        assertThat(reply.parts().get(0)).hasSizeLessThan(4096).doesNotContain("Exception");
        return reply.parts().get(0);
    }

    private static PropertyTools.Availability free(
            LocalDate in, LocalDate out, int guests, List<PropertyTools.Offer> offers) {
        int nights = (int) (out.toEpochDay() - in.toEpochDay());
        return new PropertyTools.Availability(
                in,
                out,
                nights,
                guests,
                null,
                offers,
                offers.size(),
                new PropertyTools.Alternatives(List.of(), List.of()));
    }

    // ---- greeting and what is missing ----

    @Test
    void aGreetingNamesEveryPropertyAndAsksForDatesAndGuests() {
        String english = only(say("g1", "Hello, I need a place to stay"));
        String romanian = only(say("g2", "Bună, caut cazare"));

        for (String answer : List.of(english, romanian)) {
            assertThat(answer).contains("*Casa Pescarului*", "*Vila Franceza*", "*Cabana Bradul*", "450 RON");
        }
        assertThat(english).startsWith("Hello").contains("how many guests");
        assertThat(romanian).startsWith("Bună").contains("câte persoane");
        assertThat(tools.calls).containsOnly("list_properties");
    }

    @Test
    void repliesInTheGuestsLanguage() {
        assertThat(say("g1", "Hello, I need a place to stay").language()).isEqualTo(LanguageGuess.ENGLISH);
        assertThat(say("g2", "Bună, caut cazare").language()).isEqualTo(LanguageGuess.ROMANIAN);
        // a message without words of either language keeps the language of earlier turns
        assertThat(say("g3", LanguageGuess.ROMANIAN, text("15.06-20.06")).language())
                .isEqualTo(LanguageGuess.ROMANIAN);
    }

    @Test
    void datesWithoutAPartyAskHowManyGuests() {
        String answer = only(say("g1", "June 15 to June 20"));

        assertThat(answer).contains("15–20 June 2027", "5 nights", "how many guests");
        assertThat(tools.calls).containsOnly("list_properties");
    }

    @Test
    void aPartyAfterDatesCompletesTheRequest() {
        PropertyTools.PropertySummary casa = tools.named("Casa Pescarului");
        tools.search = (in, out, guests, property) ->
                free(in, out, guests, List.of(FakePropertyTools.offer(casa, in, out, 0)));

        say("g1", "Caut cazare între 15 și 20 iunie");
        String answer = only(say("g1", "pentru 2 persoane"));

        assertThat(tools.calls).contains("search_availability 2027-06-15 2027-06-20 2");
        assertThat(answer).contains("*Casa Pescarului*", "2250 RON", "5 nopți", "2 persoane");
    }

    @Test
    void aPartyAloneAsksForDates() {
        assertThat(only(say("g1", "we are 4"))).contains("For 4 guests", "which dates");
    }

    @Test
    void anArrivalAloneAsksUntilWhen() {
        assertThat(only(say("g1", "Is anything free tomorrow for 2?"))).contains("26 November", "until when");
    }

    @Test
    void thanksGetAShortReply() {
        assertThat(only(say("g1", "Mulțumesc!"))).startsWith("Cu plăcere");
        assertThat(only(say("g2", "thanks"))).startsWith("You're welcome");
    }

    // ---- searching every property ----

    @Test
    void listsTheFreePropertiesWithTheirTotalPrice() {
        List<PropertyTools.PropertySummary> catalog = tools.catalog;
        tools.search = (in, out, guests, property) -> free(
                in,
                out,
                guests,
                List.of(
                        FakePropertyTools.offer(catalog.get(0), in, out, 0),
                        FakePropertyTools.offer(catalog.get(1), in, out, 0)));

        String answer = only(say("g1", "I need accommodation from June 15 to June 20 for 2 people"));

        assertThat(tools.calls).containsExactly("list_properties", "search_availability 2027-06-15 2027-06-20 2");
        assertThat(answer)
                .contains(
                        "*Casa Pescarului* (Danube Delta) – *2250 RON*",
                        "*Vila Franceza* (Sinaia) – *6000 RON*",
                        "5 nights",
                        "2 guests",
                        "booking link")
                .doesNotContain("Cabana Bradul");
    }

    @Test
    void theFreePropertiesAreOfferedAsChoicesTitledWithTheirNames() {
        List<PropertyTools.PropertySummary> catalog = tools.catalog;
        tools.search = (in, out, guests, property) -> free(
                in,
                out,
                guests,
                List.of(
                        FakePropertyTools.offer(catalog.get(0), in, out, 0),
                        FakePropertyTools.offer(catalog.get(1), in, out, 0)));

        AgentReply reply = say("g1", "I need accommodation from June 15 to June 20 for 2 people");

        assertThat(reply.choices())
                .extracting(org.holidaydesk.assistant.reply.Choice::title)
                .containsExactly(catalog.get(0).name(), catalog.get(1).name());
    }

    @Test
    void aGreetingAsksForDatesAndOffersNothingToTap() {
        assertThat(say("g1", "Hello, I need a place to stay").choices()).isEmpty();
    }

    @Test
    void theNamesAnUnknownPropertyMayMeanAreOfferedAsChoices() {
        tools.search = (in, out, guests, property) -> {
            throw new ToolRefusedException(
                    "search_availability",
                    "There is no property called \"" + property
                            + "\". The closest names are \"Vila Franceza\", \"Cabana Bradul\". Ask the guest which property they mean.");
        };

        AgentReply reply = say("g1", "Is Vila Marea Neagra free June 15-20 for 2?");

        assertThat(reply.choices())
                .extracting(org.holidaydesk.assistant.reply.Choice::title)
                .containsExactly("Vila Franceza", "Cabana Bradul");
    }

    @Test
    void whenNothingIsFreeOffersTheNearestDates() {
        PropertyTools.PropertySummary bradul = tools.named("Cabana Bradul");
        tools.search = (in, out, guests, property) -> new PropertyTools.Availability(
                in,
                out,
                5,
                guests,
                null,
                List.of(),
                0,
                new PropertyTools.Alternatives(
                        List.of(FakePropertyTools.offer(bradul, in.plusDays(3), out.plusDays(3), 3)), List.of()));

        String answer = only(say("g1", "15-20 iunie pentru 2"));

        assertThat(answer)
                .contains(
                        "nu avem nimic liber",
                        "Cele mai apropiate date libere",
                        "*Cabana Bradul*, 18–23 iunie 2027",
                        "1900 RON");
    }

    // ---- one property ----

    @Test
    void aFreePropertyWithAKnownPartyGetsABookingLink() {
        PropertyTools.PropertySummary casa = tools.named("Casa Pescarului");
        tools.search = (in, out, guests, property) -> new PropertyTools.Availability(
                in,
                out,
                5,
                guests,
                new PropertyTools.Requested(casa.id(), casa.name(), PropertyTools.Status.AVAILABLE, 6, 2),
                List.of(FakePropertyTools.offer(casa, in, out, 0)),
                1,
                null);
        tools.link = (property, in, out, guests) -> new PropertyTools.BookingLink(
                casa.id(),
                casa.name(),
                in,
                out,
                5,
                guests,
                new BigDecimal("2250"),
                "RON",
                "https://book.example/100101?from=" + in + "&to=" + out + "&adults=" + guests);

        AgentReply reply = say("g1", "I want to book casa pescariului from July 10 to July 15 for 2");
        String answer = only(reply);

        assertThat(tools.calls)
                .containsExactly(
                        "list_properties",
                        "search_availability 2027-07-10 2027-07-15 2 casa pescariului",
                        "create_booking_link Casa Pescarului 2027-07-10 2027-07-15 2");
        assertThat(answer)
                .contains("*Casa Pescarului*", "10–15 July 2027", "*2250 RON*", "nothing is reserved")
                .doesNotContain("https://");
        // the booking page goes out as the button under the answer, and the answer offered the property
        assertThat(reply.booking())
                .isEqualTo(new BookingButton(
                        casa.id(),
                        "https://book.example/100101?from=2027-07-10&to=2027-07-15&adults=2",
                        LocalDate.of(2027, 7, 10),
                        LocalDate.of(2027, 7, 15)));
        assertThat(reply.offered()).containsExactly("Casa Pescarului");
        assertThat(contexts.saved.get("g1").property()).isEqualTo("Casa Pescarului");
    }

    @Test
    void aFreePropertyWithoutAPartyGivesThePriceAndAsksForIt() {
        PropertyTools.PropertySummary casa = tools.named("Casa Pescarului");
        tools.search = (in, out, guests, property) -> new PropertyTools.Availability(
                in,
                out,
                5,
                guests,
                new PropertyTools.Requested(casa.id(), casa.name(), PropertyTools.Status.AVAILABLE, 6, 2),
                List.of(FakePropertyTools.offer(casa, in, out, 0)),
                1,
                null);

        String answer = only(say("g1", "Vreau să rezerv Casa Pescarului între 10 și 15 iulie"));

        assertThat(tools.calls).doesNotContain("create_booking_link");
        assertThat(answer).contains("*Casa Pescarului* este liberă", "*2250 RON*", "Câte persoane");
    }

    @Test
    void aBookedPropertyOffersNearbyDatesAndOtherProperties() {
        PropertyTools.PropertySummary casa = tools.named("Casa Pescarului");
        PropertyTools.PropertySummary vila = tools.named("Vila Franceza");
        tools.search = (in, out, guests, property) -> new PropertyTools.Availability(
                in,
                out,
                5,
                guests,
                new PropertyTools.Requested(casa.id(), casa.name(), PropertyTools.Status.BOOKED, 6, 2),
                List.of(),
                0,
                new PropertyTools.Alternatives(
                        List.of(FakePropertyTools.offer(casa, in.plusDays(5), out.plusDays(5), 5)),
                        List.of(FakePropertyTools.offer(vila, in, out, 0))));

        String answer = only(say("g1", "Is Casa Pescarului free June 15-20 for 4?"));

        assertThat(answer)
                .contains(
                        "*Casa Pescarului* is booked for *15–20 June 2027*",
                        "Nearest free dates",
                        "*Casa Pescarului*, 20–25 June 2027 – *2250 RON*",
                        "Free on your dates",
                        "*Vila Franceza* (Sinaia) – *6000 RON*");
    }

    @Test
    void aPartyTooLargeForThePropertyIsToldSoWithOtherProperties() {
        PropertyTools.PropertySummary bradul = tools.named("Cabana Bradul");
        PropertyTools.PropertySummary vila = tools.named("Vila Franceza");
        tools.search = (in, out, guests, property) -> new PropertyTools.Availability(
                in,
                out,
                5,
                guests,
                new PropertyTools.Requested(bradul.id(), bradul.name(), PropertyTools.Status.TOO_MANY_GUESTS, 2, 1),
                List.of(),
                0,
                new PropertyTools.Alternatives(List.of(), List.of(FakePropertyTools.offer(vila, in, out, 0))));

        String answer = only(say("g1", "Cabana Bradul 15-20 iunie, o familie de 4"));

        assertThat(answer).contains("*Cabana Bradul* are loc pentru cel mult 2 persoane", "*Vila Franceza*");
    }

    @Test
    void aMonthAtOnePropertyListsItsBookableStretchesWithinTheMonth() {
        YearMonth december = YearMonth.of(2026, 12);
        List<LocalDate> asked = new ArrayList<>();
        tools.calendar = (property, from) -> {
            asked.add(from);
            // 30 nights from each start: free 1-3 Dec (2 nights), one free night 10 Dec (below the minimum stay),
            // free from 20 Dec into January
            return new PropertyTools.Calendar(
                    "casa-pescarului",
                    "Casa Pescarului",
                    from,
                    from.plusDays(30),
                    0,
                    List.of(
                            new PropertyTools.Range(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3)),
                            new PropertyTools.Range(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 11)),
                            new PropertyTools.Range(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 10))),
                    List.of(),
                    2);
        };

        String answer = only(say("g1", "Is Casa Pescarului available next month?"));

        // December has 31 nights: the 30-night calendar is read twice
        assertThat(asked).containsExactly(december.atDay(1), december.atDay(31));
        assertThat(answer)
                .contains(
                        "*Casa Pescarului* in *December*",
                        "• 1–3 December (2 nights)",
                        "• 20 December 2026 – 1 January 2027 (12 nights)")
                .doesNotContain("10–11");
    }

    @Test
    void aFullyBookedMonthSuggestsOtherProperties() {
        tools.calendar = (property, from) -> property.contains("Pescarului") || property.equals("casa-pescarului")
                ? new PropertyTools.Calendar(
                        "casa-pescarului", "Casa Pescarului", from, from.plusDays(30), 0, List.of(), List.of(), 2)
                : new PropertyTools.Calendar(
                        property,
                        property,
                        from,
                        from.plusDays(30),
                        5,
                        List.of(new PropertyTools.Range(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 9))),
                        List.of(),
                        1);

        String answer = only(say("g1", "Este Casa Pescarului liberă luna viitoare?"));

        assertThat(answer)
                .contains(
                        "*Casa Pescarului* este ocupată toată luna *decembrie*",
                        "Alte proprietăți libere",
                        "*Vila Franceza*: 4–9 decembrie (5 nopți)",
                        "*Cabana Bradul*: 4–9 decembrie");
    }

    @Test
    void aMonthWithoutAPropertyGivesEachPropertysFirstFreeStretch() {
        tools.calendar = (property, from) -> new PropertyTools.Calendar(
                property,
                property,
                from,
                from.plusDays(30),
                5,
                List.of(new PropertyTools.Range(LocalDate.of(2027, 7, 2), LocalDate.of(2027, 7, 6))),
                List.of(),
                1);

        String answer = only(say("g1", "anything in July for 4 people?"));

        assertThat(answer)
                .contains("Free in *July 2027*", "*Casa Pescarului*: 2–6 July 2027 (4 nights)", "*Vila Franceza*")
                // sleeps 2: not for a party of 4
                .doesNotContain("Cabana Bradul");
    }

    @Test
    void askingForAnythingElseForgetsTheProperty() {
        PropertyTools.PropertySummary casa = tools.named("Casa Pescarului");
        PropertyTools.PropertySummary vila = tools.named("Vila Franceza");
        tools.search = (in, out, guests, property) -> property == null
                ? free(in, out, guests, List.of(FakePropertyTools.offer(vila, in, out, 0)))
                : new PropertyTools.Availability(
                        in,
                        out,
                        5,
                        guests,
                        new PropertyTools.Requested(casa.id(), casa.name(), PropertyTools.Status.BOOKED, 6, 2),
                        List.of(),
                        0,
                        null);

        say("g1", "Is Casa Pescarului free June 15-20 for 2?");
        String answer = only(say("g1", "anything else?"));

        assertThat(tools.calls).last().isEqualTo("search_availability 2027-06-15 2027-06-20 2");
        assertThat(answer).contains("*Vila Franceza*");
        assertThat(contexts.saved.get("g1").property()).isNull();
    }

    @Test
    void aMonthWithALengthOfStayListsOnlyStretchesLongEnough() {
        tools.calendar = (property, from) -> new PropertyTools.Calendar(
                property,
                property,
                from,
                from.plusDays(30),
                9,
                List.of(
                        new PropertyTools.Range(LocalDate.of(2027, 7, 2), LocalDate.of(2027, 7, 5)),
                        new PropertyTools.Range(LocalDate.of(2027, 7, 10), LocalDate.of(2027, 7, 18))),
                List.of(),
                1);

        String answer = only(say("g1", "Casa Pescarului in July for a week?"));

        assertThat(answer).contains("• 10–18 July 2027 (8 nights)").doesNotContain("2–5 July");
    }

    @Test
    void aMonthAtAPropertyTooSmallForTheParty() {
        tools.calendar = (property, from) -> new PropertyTools.Calendar(
                property,
                property,
                from,
                from.plusDays(30),
                9,
                List.of(new PropertyTools.Range(LocalDate.of(2027, 7, 2), LocalDate.of(2027, 7, 5))),
                List.of(),
                1);

        String answer = only(say("g1", "Cabana Bradul în iulie pentru 4 persoane?"));

        assertThat(answer)
                .contains("*Cabana Bradul* are loc pentru cel mult 2 persoane", "*Casa Pescarului*: 2–5 iulie 2027")
                .doesNotContain("*Cabana Bradul*:");
    }

    // ---- refusals and failures ----

    @Test
    void anUnknownPropertyBecomesAQuestionAndIsForgotten() {
        tools.search = (in, out, guests, property) -> {
            throw new ToolRefusedException(
                    "search_availability",
                    "There is no property called \"" + property
                            + "\". The closest names are \"Vila Franceza\", \"Cabana Bradul\". Ask the guest which property they mean.");
        };

        String answer = only(say("g1", "Este Vila Marea Neagră liberă 15-20 iunie pentru 2?"));

        assertThat(answer)
                .contains(
                        "Nu am găsit",
                        "*Vila Marea Neagră*",
                        "La care proprietate",
                        "• *Vila Franceza*",
                        "• *Cabana Bradul*")
                .doesNotContain("Ask the guest", "closest");
        assertThat(contexts.saved.get("g1").property()).isNull();
        assertThat(contexts.saved.get("g1").checkIn()).isEqualTo(JUNE_15);
    }

    @Test
    void datesInThePastBecomeAQuestionForNewDates() {
        tools.search = (in, out, guests, property) -> {
            throw new ToolRefusedException(
                    "search_availability",
                    "The check-in date " + in + " is in the past (today is " + TODAY
                            + "). Ask the guest for dates from today on.");
        };

        String answer = only(say("g1", "10/07/2026 - 15/07/2026 for 2"));

        assertThat(answer).contains("already past");
        assertThat(contexts.saved.get("g1").checkIn()).isNull();
    }

    @Test
    void aStayTooLongGivesTheLimitAndTheContact() {
        tools.search = (in, out, guests, property) -> {
            throw new ToolRefusedException(
                    "search_availability", "That stay is 40 nights; searches cover at most 30 nights.");
        };

        assertThat(only(say("g1", "1 iulie - 10 august pentru 2"))).contains("cel mult 30 de nopți", CONTACT);
    }

    @Test
    void unreachableToolsGiveTheFallbackAnswer() {
        tools.failure = new ToolsUnavailableException("Cannot connect", new java.net.ConnectException("refused"));

        assertThat(say("g1", "June 15 to June 20 for 2"))
                .isEqualTo(FallbackReplies.unavailable(LanguageGuess.ENGLISH, CONTACT));
        assertThat(say("g2", "Caut cazare între 15 și 20 iunie"))
                .isEqualTo(FallbackReplies.unavailable(LanguageGuess.ROMANIAN, CONTACT));
    }

    @Test
    void anUnexpectedFailureGivesTheFallbackAnswerToo() {
        tools.failure = new IllegalStateException("bug");

        assertThat(say("g1", "Hello")).isEqualTo(FallbackReplies.unavailable(LanguageGuess.ENGLISH, CONTACT));
    }

    // ---- messages that are not text ----

    @Test
    void aVoiceNoteAloneGetsWhatTheAssistantCanDoInTheGuestsLanguage() {
        AgentReply romanian = say("g1", LanguageGuess.ROMANIAN, media(MessageKind.AUDIO));
        AgentReply english = say("g2", LanguageGuess.ENGLISH, media(MessageKind.AUDIO));
        AgentReply unknown = say("g3", null, media(MessageKind.AUDIO));

        assertThat(romanian.language()).isEqualTo(LanguageGuess.ROMANIAN);
        assertThat(only(romanian)).contains("Nu pot asculta mesajele vocale", "scrieți", "persoane");
        assertThat(english.language()).isEqualTo(LanguageGuess.ENGLISH);
        assertThat(only(english)).contains("can't listen to voice messages", "type", "guests");
        assertThat(unknown.language()).isEqualTo(LanguageGuess.ENGLISH);
        assertThat(tools.calls).isEmpty();
    }

    @Test
    void everyUnreadableKindGetsAnAnswer() {
        for (MessageKind kind : MessageKind.values()) {
            if (kind.handling() == MessageKind.Handling.CAPABILITIES) {
                assertThat(only(say("g-" + kind, LanguageGuess.ENGLISH, media(kind))))
                        .as(kind.name())
                        .contains("I can check free dates");
            }
        }
    }

    @Test
    void aVoiceNoteWithTextAnswersTheTextAndMentionsTheNote() {
        String answer = only(say("g1", null, media(MessageKind.AUDIO), text("Hello, I need a place to stay")));

        assertThat(answer).contains("*Casa Pescarului*", "can't listen to voice messages", "I answered your text");
    }

    @Test
    void aPhotoCaptionIsAnsweredAsText() {
        TurnMessage photo = new TurnMessage("wamid.p", MessageKind.IMAGE, "Bună, caut cazare", Instant.now());

        String answer = only(say("g1", null, photo));

        assertThat(answer).contains("*Casa Pescarului*", "Nu pot vedea imagini");
    }

    @Test
    void reactionsAloneGetNoAnswer() {
        AgentReply reply = say("g1", LanguageGuess.ENGLISH, media(MessageKind.REACTION));

        assertThat(reply.parts()).isEmpty();
        assertThat(tools.calls).isEmpty();
    }

    @Test
    void aBurstIsReadAsOneRequest() {
        PropertyTools.PropertySummary casa = tools.named("Casa Pescarului");
        tools.search = (in, out, guests, property) ->
                free(in, out, guests, List.of(FakePropertyTools.offer(casa, in, out, 0)));

        String answer = only(
                say("g1", null, text("Bună!"), text("Caut cazare între 15 și 20 iunie"), text("pentru 2 persoane")));

        assertThat(tools.calls).contains("search_availability " + JUNE_15 + " " + JUNE_20 + " 2");
        assertThat(answer).startsWith("Bună").contains("*Casa Pescarului*", "2250 RON");
    }

    @Test
    void aLongCatalogStaysShort() {
        List<PropertyTools.PropertySummary> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(FakePropertyTools.summary(
                    "p" + i, "Property number " + i, "Somewhere quite far away " + i, 4, 300, 1));
        }
        tools.catalog = many;

        String answer = only(say("g1", "hello"));

        assertThat(answer).hasSizeLessThan(1000).contains("…and 34 more.");
    }
}
