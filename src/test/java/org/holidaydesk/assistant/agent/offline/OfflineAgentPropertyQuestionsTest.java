package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
 * Questions about a property rather than its free dates (price per night, where it is, how many it
 * sleeps, pets, parking, wifi, the minimum stay, what it is like) are answered from its details, in the
 * guest's language, with no booking link unless the guest asks for one, and the dates the conversation
 * already has are kept for the next question. Dates are relative to today.
 */
class OfflineAgentPropertyQuestionsTest {

    private static final String CONTACT = "+40 700 000 000";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));
    private static final LocalDate CHECK_IN = TODAY.plusDays(30);
    private static final LocalDate CHECK_OUT = CHECK_IN.plusDays(5);

    private final FakePropertyTools tools = SampleCatalog.tools();
    private final MemoryGuestContexts contexts = new MemoryGuestContexts();
    private final OfflineAgent agent =
            new OfflineAgent(tools, contexts, new ServiceProperties(AppEnvironment.DEVELOPMENT, CONTACT, null));
    private final AtomicInteger messageIds = new AtomicInteger();
    private final Wording english = Wording.of(LanguageGuess.ENGLISH, TODAY);
    private final Wording romanian = Wording.of(LanguageGuess.ROMANIAN, TODAY);

    private AgentReply reply(String guest, String text) {
        return agent.answer(new GuestTurn(
                guest,
                null,
                null,
                List.of(new TurnMessage(
                        "wamid." + messageIds.incrementAndGet(), MessageKind.TEXT, text, Instant.now())),
                TODAY));
    }

    private String say(String guest, String text) {
        AgentReply reply = reply(guest, text);
        assertThat(reply.parts()).hasSize(1);
        assertThat(reply.parts().get(0))
                .doesNotContain("Exception", "Ask the guest")
                .hasSizeLessThan(4096);
        return reply.parts().get(0);
    }

    private static String english(LocalDate date) {
        return DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH).format(date);
    }

    private static String romanian(LocalDate date) {
        return DateTimeFormatter.ofPattern("d MMMM", Locale.forLanguageTag("ro"))
                .format(date);
    }

    private PropertyTools.PropertyDetails details(PropertyTools.PropertySummary property) {
        return tools.details.answer(property.name());
    }

    private void everythingIsFree() {
        tools.search = (in, out, guests, property) -> {
            List<PropertyTools.Offer> offers = tools.catalog.stream()
                    .filter(p -> p.maxGuests() >= guests)
                    .filter(p -> property == null || p.name().equalsIgnoreCase(property))
                    .map(p -> FakePropertyTools.offer(p, in, out, 0))
                    .toList();
            PropertyTools.PropertySummary named =
                    property == null ? null : tools.named(offers.get(0).name());
            PropertyTools.Requested requested = named == null
                    ? null
                    : new PropertyTools.Requested(
                            named.id(),
                            named.name(),
                            PropertyTools.Status.AVAILABLE,
                            named.maxGuests(),
                            named.minimumStay());
            return new PropertyTools.Availability(
                    in,
                    out,
                    (int) (out.toEpochDay() - in.toEpochDay()),
                    guests,
                    requested,
                    offers,
                    offers.size(),
                    new PropertyTools.Alternatives(List.of(), List.of()));
        };
        tools.link = (property, in, out, guests) -> new PropertyTools.BookingLink(
                tools.named(property).id(),
                property,
                in,
                out,
                (int) (out.toEpochDay() - in.toEpochDay()),
                guests,
                tools.named(property).nightlyPrice(),
                "RON",
                "https://book.example/" + tools.named(property).id());
    }

    // ---- price ----

    @Test
    void aPriceQuestionAfterDatesGivesTheNightlyPriceAndKeepsTheDates() {
        everythingIsFree();
        say("g1", "I need a place from " + english(CHECK_IN) + " to " + english(CHECK_OUT) + " for 2");

        String answer = say("g1", "How much is Vila Franceza per night?");

        assertThat(answer)
                .contains(english.place().nightlyPrice(details(SampleCatalog.VILA)))
                .contains(english.place().offerToCheck("Vila Franceza", CHECK_IN, CHECK_OUT))
                .doesNotContain("booked", "http");
        assertThat(tools.calls).last().isEqualTo("get_property Vila Franceza");
        assertThat(contexts.saved.get("g1"))
                .extracting(GuestContext::checkIn, GuestContext::checkOut, GuestContext::property)
                .containsExactly(CHECK_IN, CHECK_OUT, "Vila Franceza");

        // the next question is about the same stay at that property
        say("g1", "Is it free?");
        assertThat(tools.calls).contains("search_availability " + CHECK_IN + " " + CHECK_OUT + " 2 Vila Franceza");
    }

    @Test
    void aPriceQuestionInRomanianIsAnsweredInRomanian() {
        everythingIsFree();
        say("g1", "Caut cazare între " + romanian(CHECK_IN) + " și " + romanian(CHECK_OUT) + " pentru 2 persoane");

        AgentReply reply = reply("g1", "Cât costă Vila Franceza pe noapte?");

        assertThat(reply.language()).isEqualTo(LanguageGuess.ROMANIAN);
        assertThat(reply.parts().get(0))
                .contains(romanian.place().nightlyPrice(details(SampleCatalog.VILA)))
                .contains(romanian.place().offerToCheck("Vila Franceza", CHECK_IN, CHECK_OUT))
                .doesNotContain("http");
    }

    // ---- location, parking, wifi ----

    @Test
    void whereAPropertyIsAndWhetherItHasParkingAreAnsweredTogether() {
        String answer = say("g1", "Where is Casa Pescarului exactly, is there parking?");

        PropertyTools.PropertyDetails casa = details(SampleCatalog.CASA);
        assertThat(answer)
                .contains(
                        english.place().location(casa),
                        english.place().hasFeature("Casa Pescarului", feature("parking")))
                .contains(english.place().askDatesFor("Casa Pescarului", null))
                .doesNotContain("http");
        // parking is asked of the house guide first; without a guide text it is the catalog's amenity
        assertThat(tools.calls)
                .containsExactly(
                        "list_properties", "get_house_guide Casa Pescarului en", "get_property Casa Pescarului");
    }

    @Test
    void whereAPropertyIsAndWhetherItHasParkingInRomanian() {
        String answer = say("g1", "Unde este Casa Pescarului? Are parcare?");

        assertThat(answer)
                .contains(
                        romanian.place().location(details(SampleCatalog.CASA)),
                        romanian.place().hasFeature("Casa Pescarului", feature("parking")));
    }

    @Test
    void aPropertyWithoutParkingSaysSoAndNamesThoseWithIt() {
        AgentReply reply = reply("g1", "Is there parking at Cabana Bradul?");

        String answer = reply.parts().get(0);
        assertThat(answer).contains(english.place().lacksFeature("Cabana Bradul", feature("parking"), CONTACT));
        List<String> withParking = tools.catalog.stream()
                .filter(p -> p.amenities().contains("parking"))
                .map(PropertyTools.PropertySummary::name)
                .toList();
        assertThat(answer).contains(english.place().othersWith(feature("parking"), withParking));
        assertThat(reply.choices()).extracting(Choice::title).containsExactlyElementsOf(withParking);
    }

    @Test
    void wifiIsAnsweredInBothLanguages() {
        assertThat(say("g1", "Do you have wifi at Cabana Bradul?"))
                .contains(english.place().hasFeature("Cabana Bradul", feature("wifi")));
        assertThat(say("g2", "Aveți internet la Cabana Bradul?"))
                .contains(romanian.place().hasFeature("Cabana Bradul", feature("wifi")));
    }

    // ---- capacity and minimum stay ----

    @Test
    void howManyAPropertySleepsInBothLanguages() {
        PropertyTools.PropertyDetails vila = details(SampleCatalog.VILA);

        assertThat(say("g1", "How many people does Vila Franceza sleep?"))
                .contains(english.place().capacity(vila));
        assertThat(say("g2", "Câte persoane încap la Vila Franceza?"))
                .contains(romanian.place().capacity(vila));
    }

    @Test
    void theMinimumStayInBothLanguages() {
        assertThat(say("g1", "What's the minimum stay at Conacul Viilor?"))
                .contains(english.minimumStay("Conacul Viilor", SampleCatalog.CONACUL.minimumStay()));
        assertThat(say("g2", "Care e sejurul minim la Conacul Viilor?"))
                .contains(romanian.minimumStay("Conacul Viilor", SampleCatalog.CONACUL.minimumStay()));
    }

    @Test
    void aPartyLargerThanThePropertyIsToldSoWithThePlacesThatSleepIt() {
        say("g1", "we are 6");

        AgentReply reply = reply("g1", "Where is Cabana Bradul?");

        List<String> sleepingSix = tools.catalog.stream()
                .filter(p -> p.maxGuests() >= 6)
                .map(PropertyTools.PropertySummary::name)
                .toList();
        assertThat(reply.parts().get(0))
                .contains(
                        english.place().location(details(SampleCatalog.BRADUL)),
                        english.tooManyGuests("Cabana Bradul", SampleCatalog.BRADUL.maxGuests()),
                        english.place().sleepingTheParty(6, sleepingSix));
        assertThat(reply.choices()).extracting(Choice::title).containsExactlyElementsOf(sleepingSix);
    }

    @Test
    void whetherAPartyFitsIsAnsweredOnceInRomanian() {
        String answer = say("g1", "Încăpem 6 persoane la Casa de pe Lac?");

        assertThat(answer)
                .contains(romanian.place().capacity(details(SampleCatalog.LAC)))
                .doesNotContain(romanian.tooManyGuests("Casa de pe Lac", SampleCatalog.LAC.maxGuests()));
    }

    @Test
    void howMuchANightCostsIsAPriceNotAStayToComplete() {
        String answer = say("g1", "Salut, cât costă o noapte?");

        for (PropertyTools.PropertySummary property : tools.catalog) {
            assertThat(answer).contains(romanian.propertyLine(property));
        }
        assertThat(answer).doesNotContain(romanian.askCheckIn(1));
    }

    // ---- pets ----

    @Test
    void petsAreWelcomeWhereTheCatalogSaysSo() {
        String answer = say("g1", "Can I bring my dog to Cabana Bradul?");

        assertThat(answer).contains(english.place().hasFeature("Cabana Bradul", feature(Feature.PETS)));
        assertThat(tools.calls).doesNotContain("get_calendar Cabana Bradul null");
    }

    @Test
    void aPlaceThatTakesNoPetsSaysSoInRomanianAndNamesThoseThatDo() {
        AgentReply reply = reply("g1", "Pot veni cu câinele la Conacul Viilor?");

        List<String> petFriendly = tools.catalog.stream()
                .filter(p -> p.tags().contains(Feature.PETS))
                .map(PropertyTools.PropertySummary::name)
                .toList();
        assertThat(reply.language()).isEqualTo(LanguageGuess.ROMANIAN);
        assertThat(reply.parts().get(0))
                .contains(
                        romanian.place().lacksFeature("Conacul Viilor", feature(Feature.PETS), CONTACT),
                        romanian.place().othersWith(feature(Feature.PETS), petFriendly));
    }

    // ---- what a place is like ----

    @Test
    void aDescriptionInTheGuestsLanguage() {
        PropertyTools.PropertyDetails bradul = details(SampleCatalog.BRADUL);

        assertThat(say("g1", "Tell me about Cabana Bradul"))
                .contains(String.join("\n", english.place().description(bradul)))
                .contains(bradul.description().en());
        assertThat(say("g2", "Spune-mi despre Cabana Bradul"))
                .contains(String.join("\n", romanian.place().description(bradul)))
                .contains(bradul.description().ro());
    }

    @Test
    void aQuestionWithoutANameIsAboutThePropertyAskedBefore() {
        say("g1", "Tell me about Conacul Viilor");

        assertThat(say("g1", "is there a pool?"))
                .contains(english.place().hasFeature("Conacul Viilor", feature("pool")));
        assertThat(say("g1", "and a hot tub?"))
                .contains(english.place().lacksFeature("Conacul Viilor", feature("hot tub"), CONTACT));
    }

    // ---- a booking link only when asked ----

    @Test
    void datesInTheSameMessageGetTheirAvailabilityAfterTheAnswer() {
        everythingIsFree();

        AgentReply reply = reply(
                "g1",
                "Is Cabana Bradul free from " + english(CHECK_IN) + " to " + english(CHECK_OUT)
                        + " for 2, and can I bring my dog?");
        String answer = reply.parts().get(0);

        assertThat(answer)
                .contains(
                        english.place().hasFeature("Cabana Bradul", feature(Feature.PETS)), "*Cabana Bradul* is free");
        assertThat(answer.indexOf("pets are welcome")).isLessThan(answer.indexOf("*Cabana Bradul* is free"));
        // the booking page of the stay goes out as the button under the answer
        assertThat(reply.booking().url()).startsWith("https://book.example/cabana-bradul");
    }

    // ---- about every property ----

    @Test
    void aPriceQuestionWithoutAPropertyGivesEachPropertysPrice() {
        String answer = say("g1", "How much per night?");

        for (PropertyTools.PropertySummary property : tools.catalog) {
            assertThat(answer).contains(english.propertyLine(property));
        }
        assertThat(tools.calls).containsExactly("list_properties");
    }

    @Test
    void theMinimumStayOfEveryPropertyInRomanian() {
        String answer = say("g1", "Care e sejurul minim?");

        for (PropertyTools.PropertySummary property : tools.catalog) {
            assertThat(answer).contains(romanian.propertyLineWithMinimumStay(property));
        }
    }

    @Test
    void whichPlacesTakePetsListsOnlyThose() {
        AgentReply reply = reply("g1", "Which of your places allow dogs?");

        List<String> petFriendly = tools.catalog.stream()
                .filter(p -> p.tags().contains(Feature.PETS))
                .map(PropertyTools.PropertySummary::name)
                .toList();
        for (PropertyTools.PropertySummary property : tools.catalog) {
            if (petFriendly.contains(property.name())) {
                assertThat(reply.parts().get(0)).contains(english.propertyLine(property));
            } else {
                assertThat(reply.parts().get(0)).doesNotContain(property.name());
            }
        }
    }

    @Test
    void anUnknownPropertyBecomesAQuestion() {
        String answer = say("g1", "Where is Vila Marea Neagra?");

        assertThat(answer)
                .contains(english.unknownProperty("Vila Marea Neagra"), english.whichProperty(), "• *Casa Pescarului*");
    }

    private static Feature feature(String term) {
        return Features.named(term, List.of());
    }
}
