package org.holidaydesk.assistant.agent.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The booking button's label names the stay within WhatsApp's 20 characters, in the guest's language. */
class BookingWordingTest {

    @Test
    void namesTheStayInTheGuestsLanguage() {
        assertThat(BookingWording.bookingLabel("en", LocalDate.of(2027, 6, 15), LocalDate.of(2027, 6, 20)))
                .isEqualTo("Book 15–20 June");
        assertThat(BookingWording.bookingLabel("ro", LocalDate.of(2027, 6, 15), LocalDate.of(2027, 6, 20)))
                .isEqualTo("Rezervă 15–20 iunie");
        assertThat(BookingWording.bookingLabel("en", LocalDate.of(2027, 6, 28), LocalDate.of(2027, 7, 3)))
                .isEqualTo("Book 28 June–3 July");
        assertThat(BookingWording.bookingLabel("en", LocalDate.of(2027, 9, 28), LocalDate.of(2027, 10, 3)))
                .isEqualTo("Book 28 Sep–3 Oct");
        assertThat(BookingWording.bookingLabel("en", null, null)).isEqualTo("Book now");
    }

    @Test
    void everyStayOfTwoYearsFitsTheButtonInBothLanguages() {
        LocalDate day = LocalDate.of(2027, 1, 1);
        for (int i = 0; i < 730; i++, day = day.plusDays(1)) {
            for (int nights : new int[] {1, 5, 14, 30}) {
                for (String language : new String[] {"en", "ro"}) {
                    String label = BookingWording.bookingLabel(language, day, day.plusDays(nights));
                    assertThat(label)
                            .as(language + " " + day + " +" + nights)
                            .hasSizeLessThanOrEqualTo(BookingWording.LABEL_LIMIT)
                            .isNotBlank();
                }
            }
        }
        assertThat(BookingWording.pickDates("en")).hasSizeLessThanOrEqualTo(BookingWording.LABEL_LIMIT);
        assertThat(BookingWording.pickDates("ro")).hasSizeLessThanOrEqualTo(BookingWording.LABEL_LIMIT);
    }
}
