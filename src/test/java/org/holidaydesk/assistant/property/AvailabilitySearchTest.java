package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.holidaydesk.assistant.property.Properties.property;
import static org.holidaydesk.assistant.property.Properties.tagged;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilitySearchTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final AvailabilitySearch.Limits LIMITS = new AvailabilitySearch.Limits(30, 730, 10);

    private final Property pescarului = property("casa-pescarului", "Casa Pescarului", 6, 450, 2);
    private final Property franceza = property("vila-franceza", "Vila Franceză", 10, 1200, 2);
    private final Property bradul = property("cabana-bradul", "Cabana Bradul", 2, 380, 1);

    private final List<BlockedRange> blocks = new ArrayList<>();

    private AvailabilitySearch search() {
        return AvailabilitySearch.of(List.of(pescarului, franceza, bradul), blocks, LIMITS);
    }

    private void block(Property property, String from, String to, BlockSource source) {
        blocks.add(new BlockedRange(property.id(), LocalDate.parse(from), LocalDate.parse(to), source));
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void stayEndingOnTheDayAnotherBeginsIsFree() {
        block(pescarului, "2026-06-20", "2026-06-25", BlockSource.CATALOG);

        SearchResult result = search().search(d("2026-06-15"), d("2026-06-20"), 2, "Casa Pescarului", TODAY);

        assertThat(result.requested().status()).isEqualTo(SearchResult.Status.AVAILABLE);
        assertThat(result.available()).extracting(Offer::propertyId).containsExactly("casa-pescarului");
    }

    @Test
    void stayStartingOnAnotherGuestsCheckOutDayIsFree() {
        block(pescarului, "2026-06-10", "2026-06-15", BlockSource.ICAL);

        assertThat(search().search(d("2026-06-15"), d("2026-06-18"), 2, "casa-pescarului", TODAY)
                        .requested()
                        .status())
                .isEqualTo(SearchResult.Status.AVAILABLE);
    }

    @Test
    void stayOverlappingTheLastBlockedNightIsBooked() {
        block(pescarului, "2026-06-10", "2026-06-15", BlockSource.ICAL);

        assertThat(search().search(d("2026-06-14"), d("2026-06-18"), 2, "casa-pescarului", TODAY)
                        .requested()
                        .status())
                .isEqualTo(SearchResult.Status.BOOKED);
    }

    @Test
    void stayCoveringAShortBlockInsideIsBooked() {
        block(pescarului, "2026-06-16", "2026-06-17", BlockSource.MANUAL);

        assertThat(search().search(d("2026-06-15"), d("2026-06-20"), 2, "casa-pescarului", TODAY)
                        .requested()
                        .status())
                .isEqualTo(SearchResult.Status.BOOKED);
    }

    @Test
    void overlappingBlocksFromSeveralSourcesMergeIntoOneBusyStretch() {
        block(pescarului, "2026-06-10", "2026-06-14", BlockSource.MANUAL);
        block(pescarului, "2026-06-12", "2026-06-18", BlockSource.ICAL);
        block(pescarului, "2026-06-18", "2026-06-20", BlockSource.CATALOG);
        block(pescarului, "2026-06-11", "2026-06-13", BlockSource.CATALOG);
        AvailabilitySearch search = search();

        CalendarOverview overview = search.overview("casa-pescarului", d("2026-06-05"), TODAY);

        assertThat(overview.bookedRanges()).containsExactly(new DateRange(d("2026-06-10"), d("2026-06-20")));
        assertThat(overview.bookedNights()).isEqualTo(10);
        assertThat(search.search(d("2026-06-20"), d("2026-06-22"), 2, "casa-pescarului", TODAY)
                        .requested()
                        .status())
                .isEqualTo(SearchResult.Status.AVAILABLE);
        assertThat(search.search(d("2026-06-08"), d("2026-06-11"), 2, "casa-pescarului", TODAY)
                        .requested()
                        .status())
                .isEqualTo(SearchResult.Status.BOOKED);
    }

    @Test
    void leavesOutPropertiesTooSmallForTheParty() {
        SearchResult result = search().search(d("2026-06-15"), d("2026-06-20"), 3, null, TODAY);

        assertThat(result.available())
                .extracting(Offer::propertyId)
                .containsExactlyInAnyOrder("casa-pescarului", "vila-franceza")
                .doesNotContain("cabana-bradul");
    }

    @Test
    void namedPropertyTooSmallSaysHowManyItSleepsAndOffersOthers() {
        SearchResult result = search().search(d("2026-06-15"), d("2026-06-20"), 4, "Cabana Bradul", TODAY);

        assertThat(result.requested().status()).isEqualTo(SearchResult.Status.TOO_MANY_GUESTS);
        assertThat(result.requested().maxGuests()).isEqualTo(bradul.maxGuests());
        assertThat(result.alternatives().nearbyDates()).isEmpty();
        assertThat(result.alternatives().otherProperties())
                .extracting(Offer::propertyId)
                .containsExactlyInAnyOrder("casa-pescarului", "vila-franceza");
    }

    @Test
    void stayShorterThanTheMinimumIsNotOffered() {
        SearchResult named = search().search(d("2026-06-15"), d("2026-06-16"), 2, "Casa Pescarului", TODAY);
        SearchResult any = search().search(d("2026-06-15"), d("2026-06-16"), 2, null, TODAY);

        assertThat(named.requested().status()).isEqualTo(SearchResult.Status.BELOW_MINIMUM_STAY);
        assertThat(named.requested().minimumStay()).isEqualTo(pescarului.minimumStay());
        assertThat(any.available()).extracting(Offer::propertyId).containsExactly("cabana-bradul");
    }

    @Test
    void pricesTheWholeStay() {
        SearchResult result = search().search(d("2026-06-15"), d("2026-06-20"), 2, "Casa Pescarului", TODAY);

        Offer offer = result.available().get(0);
        assertThat(offer.nights()).isEqualTo(5);
        assertThat(offer.totalPrice())
                .isEqualByComparingTo(pescarului.nightlyPrice().multiply(BigDecimal.valueOf(5)));
        assertThat(offer.currency()).isEqualTo(pescarului.currency());
    }

    @Test
    void listsTheBestFitForThePartyFirst() {
        SearchResult result = search().search(d("2026-06-15"), d("2026-06-20"), 2, null, TODAY);

        assertThat(result.available()).extracting(Offer::maxGuests).isSorted();
        assertThat(result.totalAvailable()).isEqualTo(3);
    }

    @Test
    void findsCasaPescaruluiFromMisspelling() {
        assertThat(search().find("Casa Pescariului")).isEqualTo(pescarului);
        assertThat(search().find("casa pescarulu")).isEqualTo(pescarului);
    }

    @Test
    void findsVilaFrancezaWithoutDiacriticsOrCapitals() {
        assertThat(search().find("vila franceza")).isEqualTo(franceza);
        assertThat(search().find("VILA FRANCEZĂ")).isEqualTo(franceza);
    }

    @Test
    void findsAPropertyByItsIdOrOneWordOfItsName() {
        assertThat(search().find("cabana-bradul")).isEqualTo(bradul);
        assertThat(search().find("Pescarului")).isEqualTo(pescarului);
    }

    @Test
    void findsAPropertyByAnAliasTheCatalogGives() {
        Property lake = property("casa-de-pe-lac", "Casa de pe Lac", 4, 600, 1, "Lake House");
        AvailabilitySearch search = AvailabilitySearch.of(List.of(pescarului, lake), List.of(), LIMITS);

        assertThat(search.find("the lake house")).isEqualTo(lake);
    }

    @Test
    void unknownPropertyNamesTheClosestOnes() {
        assertThatThrownBy(() -> search().find("Casa Marea Neagra"))
                .isInstanceOf(PropertyRequestException.class)
                .hasMessageContaining("no property called \"Casa Marea Neagra\"")
                .hasMessageContaining("Casa Pescarului")
                .hasMessageContaining("Ask the guest");
    }

    @Test
    void nameThatFitsTwoPropertiesEquallyAsksWhichOne() {
        Property mare = property("casa-mare", "Casa Mare", 4, 300, 1);
        Property mara = property("casa-mara", "Casa Mara", 4, 300, 1);
        AvailabilitySearch search = AvailabilitySearch.of(List.of(mare, mara), List.of(), LIMITS);

        assertThatThrownBy(() -> search.find("casa mari"))
                .isInstanceOf(PropertyRequestException.class)
                .hasMessageContaining("Casa Mare")
                .hasMessageContaining("Casa Mara");
    }

    @Test
    void bookedPropertyOffersTheSameStayOnNearbyDatesNearestFirst() {
        block(pescarului, "2026-06-14", "2026-06-21", BlockSource.ICAL);

        SearchResult result = search().search(d("2026-06-15"), d("2026-06-20"), 2, "Casa Pescarului", TODAY);

        assertThat(result.requested().status()).isEqualTo(SearchResult.Status.BOOKED);
        List<Offer> nearby = result.alternatives().nearbyDates();
        assertThat(nearby).isNotEmpty().allSatisfy(offer -> {
            assertThat(offer.propertyId()).isEqualTo("casa-pescarului");
            assertThat(offer.nights()).isEqualTo(5);
            assertThat(offer.shiftDays()).isBetween(-AvailabilitySearch.SHIFT_EARLIER, AvailabilitySearch.SHIFT_LATER);
            assertThat(search().search(offer.checkIn(), offer.checkOut(), 2, offer.propertyId(), TODAY)
                            .requested()
                            .status())
                    .isEqualTo(SearchResult.Status.AVAILABLE);
        });
        assertThat(nearby).extracting(offer -> Math.abs(offer.shiftDays())).isSorted();
        // the nearest free start: leaving on 2026-06-14 (shift -6) or arriving on 2026-06-21 (shift +6)
        assertThat(Math.abs(nearby.get(0).shiftDays())).isEqualTo(6);
        assertThat(result.alternatives().otherProperties())
                .extracting(Offer::propertyId)
                .containsExactlyInAnyOrder("vila-franceza", "cabana-bradul");
    }

    @Test
    void nearbyDatesNeverStartInThePast() {
        block(pescarului, "2026-06-01", "2026-06-30", BlockSource.ICAL);

        SearchResult result = search().search(d("2026-06-03"), d("2026-06-05"), 2, "Casa Pescarului", TODAY);

        assertThat(result.alternatives().nearbyDates())
                .allSatisfy(offer -> assertThat(offer.checkIn()).isAfterOrEqualTo(TODAY));
    }

    @Test
    void nearbyDatesStayWithinTenDaysEarlierAndTwentyLater() {
        block(pescarului, "2026-06-01", "2026-07-09", BlockSource.ICAL);

        SearchResult result = search().search(d("2026-06-15"), d("2026-06-20"), 2, "Casa Pescarului", TODAY);

        // free again from 2026-07-09, a shift of +24 days: out of reach
        assertThat(result.alternatives().nearbyDates()).isEmpty();
    }

    @Test
    void whenNothingIsFreeOffersEachPropertysNearestDatesNearestFirst() {
        block(pescarului, "2026-06-10", "2026-06-22", BlockSource.ICAL);
        block(franceza, "2026-06-01", "2026-07-20", BlockSource.ICAL);
        block(bradul, "2026-06-14", "2026-06-24", BlockSource.CATALOG);

        SearchResult result = search().search(d("2026-06-15"), d("2026-06-20"), 2, null, TODAY);

        assertThat(result.available()).isEmpty();
        // Cabana Bradul is free until 2026-06-14 (leave then: shift -6), Casa Pescarului from 2026-06-22 (+7);
        // Vila Franceza is busy until after the +20 day reach
        assertThat(result.alternatives().nearbyDates())
                .extracting(Offer::propertyId, Offer::shiftDays, Offer::checkIn, Offer::nights)
                .containsExactly(
                        tuple("cabana-bradul", -6, d("2026-06-09"), 5),
                        tuple("casa-pescarului", 7, d("2026-06-22"), 5));
    }

    @Test
    void refusesACheckInInThePast() {
        assertThatThrownBy(() -> search().search(TODAY.minusDays(1), TODAY.plusDays(2), 2, null, TODAY))
                .isInstanceOf(PropertyRequestException.class)
                .hasMessageContaining("in the past");
    }

    @Test
    void refusesACheckOutNotAfterCheckIn() {
        assertThatThrownBy(() -> search().search(d("2026-06-15"), d("2026-06-15"), 2, null, TODAY))
                .isInstanceOf(PropertyRequestException.class)
                .hasMessageContaining("must be after the check-in");
    }

    @Test
    void refusesMoreThanThirtyNights() {
        assertThatThrownBy(
                        () -> search().search(d("2026-06-15"), d("2026-06-15").plusDays(31), 2, null, TODAY))
                .isInstanceOf(PropertyRequestException.class)
                .hasMessageContaining("at most 30 nights");
        assertThat(search().search(d("2026-06-15"), d("2026-06-15").plusDays(30), 2, null, TODAY)
                        .nights())
                .isEqualTo(30);
    }

    @Test
    void refusesFewerThanOneGuest() {
        assertThatThrownBy(() -> search().search(d("2026-06-15"), d("2026-06-20"), 0, null, TODAY))
                .isInstanceOf(PropertyRequestException.class)
                .hasMessageContaining("how many people");
    }

    @Test
    void calendarOverviewFindsTheLongestFreeStretch() {
        block(bradul, "2026-06-03", "2026-06-05", BlockSource.CATALOG);
        block(bradul, "2026-06-12", "2026-06-14", BlockSource.ICAL);

        CalendarOverview overview = search().overview("Cabana Bradul", TODAY, TODAY);

        assertThat(overview.to()).isEqualTo(TODAY.plusDays(30));
        assertThat(overview.freeNights()).isEqualTo(26);
        assertThat(overview.longestFreeStretch()).isEqualTo(new DateRange(d("2026-06-14"), d("2026-07-01")));
        assertThat(overview.freeRanges())
                .containsExactly(
                        new DateRange(d("2026-06-01"), d("2026-06-03")),
                        new DateRange(d("2026-06-05"), d("2026-06-12")),
                        new DateRange(d("2026-06-14"), d("2026-07-01")));
    }

    @Test
    void listsPropertiesByTagAndPartySize() {
        AvailabilitySearch search = AvailabilitySearch.of(
                List.of(
                        tagged("a", "Alpha", 2, "romantic"),
                        tagged("b", "Beta", 6, "family", "pet-friendly"),
                        tagged("c", "Gamma", 4, "Pet Friendly")),
                List.of(),
                LIMITS);

        assertThat(search.list("pet friendly", null)).extracting(Property::id).containsExactly("b", "c");
        assertThat(search.list(null, 5)).extracting(Property::id).containsExactly("b");
        assertThat(search.list(null, null)).hasSize(3);
    }
}
