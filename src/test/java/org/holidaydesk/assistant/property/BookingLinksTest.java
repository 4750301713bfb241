package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.holidaydesk.assistant.property.Properties.property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.holidaydesk.assistant.config.ConfigurationProblemException;
import org.junit.jupiter.api.Test;

class BookingLinksTest {

    private static final String BEDS24 =
            "https://beds24.com/booking2.php?propid={propertyId}&checkin={checkIn}&checkout={checkOut}&numadult={guests}";

    @Test
    void fillsTheBeds24StyleTemplate() {
        Property withBookingId = new Property(
                "casa-pescarului",
                "Casa Pescarului",
                List.of(),
                "Delta",
                3,
                6,
                List.of(),
                List.of(),
                BigDecimal.TEN,
                "RON",
                2,
                null,
                null,
                "100101");

        String link = new BookingLinks(BEDS24)
                .linkFor(withBookingId, LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 20), 2);

        assertThat(link)
                .isEqualTo(
                        "https://beds24.com/booking2.php?propid=100101&checkin=2026-06-15&checkout=2026-06-20&numadult=2");
    }

    @Test
    void usesTheCatalogIdWhenTheBookingSystemIdIsMissingAndEncodesValues() {
        String link = new BookingLinks("https://book.example/p/{propertyId}?nights={nights}")
                .linkFor(
                        property("casa de pe lac", "Casa de pe Lac", 4, 600, 1),
                        LocalDate.of(2026, 6, 15),
                        LocalDate.of(2026, 6, 18),
                        2);

        assertThat(link).isEqualTo("https://book.example/p/casa+de+pe+lac?nights=3");
    }

    @Test
    void refusesAnUnknownPlaceholderAtStartup() {
        assertThatThrownBy(() -> new BookingLinks("https://book.example/?arrive={arrival}"))
                .isInstanceOf(ConfigurationProblemException.class)
                .hasMessageContaining("BOOKING_URL_TEMPLATE")
                .hasMessageContaining("{arrival}");
    }
}
