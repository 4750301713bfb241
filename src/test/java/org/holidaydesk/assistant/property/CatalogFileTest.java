package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogFileTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static CatalogFile bundledSample() throws Exception {
        try (InputStream in = CatalogFileTest.class.getResourceAsStream("/catalog/properties.yaml")) {
            return CatalogFile.read(in, "catalog/properties.yaml");
        }
    }

    private static CatalogFile yaml(String text) throws Exception {
        return CatalogFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "inline.yaml");
    }

    @Test
    void bundledSampleIsValidAndHasTheDemoProperties() throws Exception {
        CatalogFile catalog = bundledSample();

        assertThat(catalog.problems(VALIDATOR)).isEmpty();
        assertThat(catalog.properties())
                .extracting(CatalogFile.Entry::name)
                .contains("Casa Pescarului", "Vila Franceza");
        assertThat(catalog.properties()).hasSizeBetween(4, 6);
    }

    @Test
    void bundledSampleAlwaysShowsFreeAndBusyDatesInTheComingMonth() throws Exception {
        CatalogFile catalog = bundledSample();
        LocalDate today = LocalDate.now();
        List<Property> properties =
                catalog.properties().stream().map(CatalogFile.Entry::toProperty).toList();
        List<BlockedRange> blocks = catalog.bookings(today).stream()
                .map(BlockRepository.Booking::range)
                .toList();
        AvailabilitySearch search =
                AvailabilitySearch.of(properties, blocks, new AvailabilitySearch.Limits(30, 730, 10));

        for (Property property : properties) {
            CalendarOverview overview = search.overview(property.id(), today, today);
            assertThat(overview.bookedNights())
                    .as(property.name() + " booked nights")
                    .isPositive();
            assertThat(overview.freeNights())
                    .as(property.name() + " free nights")
                    .isPositive();
        }
    }

    @Test
    void relativeBookingsCountFromTheDayOfLoading() throws Exception {
        CatalogFile catalog = yaml("""
                properties:
                  - {id: a, name: Alpha, location: X, rooms: 1, maxGuests: 2, nightlyPrice: 10, currency: RON,
                     bookings: [{inDays: 3, nights: 4}, {checkIn: 2026-08-01, checkOut: 2026-08-05}]}
                """);

        Map<LocalDate, BlockedRange> byStart = catalog.bookings(TODAY).stream()
                .map(BlockRepository.Booking::range)
                .collect(Collectors.toMap(BlockedRange::start, Function.identity()));

        assertThat(byStart.get(TODAY.plusDays(3)).end()).isEqualTo(TODAY.plusDays(7));
        assertThat(byStart.get(LocalDate.of(2026, 8, 1)).end()).isEqualTo(LocalDate.of(2026, 8, 5));
        assertThat(byStart.values())
                .allSatisfy(range -> assertThat(range.source()).isEqualTo(BlockSource.CATALOG));
    }

    @Test
    void namesEveryProblemWithThePropertyAndField() throws Exception {
        CatalogFile catalog = yaml("""
                properties:
                  - {id: casa-pescarului, name: Casa Pescarului, location: Delta, rooms: 3, maxGuests: 0,
                     nightlyPrice: 450, currency: lei, bookings: [{inDays: 3}]}
                  - {id: casa-pescarului, name: Again, location: Delta, rooms: 1, maxGuests: 2, nightlyPrice: 1, currency: RON}
                """);

        List<String> problems = catalog.problems(VALIDATOR);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("maxGuests").contains("casa-pescarului"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("currency").contains("ISO currency code"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("bookings[0]").contains("inDays and nights"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("appears twice"));
    }

    @Test
    void refusesAMisspeltField() {
        assertThatThrownBy(() -> yaml("""
                properties:
                  - {id: a, name: Alpha, location: X, rooms: 1, maxGuest: 2, nightlyPrice: 10, currency: RON}
                """)).hasMessageContaining("maxGuest");
    }

    @Test
    void namesTheFeedsOfEachProperty() throws Exception {
        CatalogFile catalog = yaml("""
                properties:
                  - {id: a, name: Alpha, location: X, rooms: 1, maxGuests: 2, nightlyPrice: 10, currency: RON,
                     calendars: ["https://www.airbnb.com/calendar/ical/1.ics?s=secret", "file:/tmp/a.ics"]}
                """);

        assertThat(catalog.feeds()).extracting(CalendarFeed::propertyId).containsOnly("a");
        assertThat(catalog.feeds()).hasSize(2);
    }
}
