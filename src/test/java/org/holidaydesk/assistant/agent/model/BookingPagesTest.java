package org.holidaydesk.assistant.agent.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.holidaydesk.assistant.agent.BookingButton;
import org.junit.jupiter.api.Test;

/** The model's booking page leaves its text for the button, read back into the property and dates it books. */
class BookingPagesTest {

    private static final String TEMPLATE =
            "https://beds24.com/booking2.php?propid={propertyId}&checkin={checkIn}&checkout={checkOut}&numadult={guests}";
    private final BookingPages pages = new BookingPages(TEMPLATE);

    @Test
    void aBookingPageOnItsOwnLineBecomesTheButtonAndItsIntroductionGoes() {
        String url = "https://beds24.com/booking2.php?propid=100101&checkin=2027-07-10&checkout=2027-07-15&numadult=2";
        BookingPages.Found found = pages.find("*Casa Pescarului* is free for *10–15 July* – *2250 RON*.\nBook here: "
                + url + "\n_Nothing is reserved until you complete the booking._");

        assertThat(found.page())
                .isEqualTo(new BookingButton("100101", url, LocalDate.of(2027, 7, 10), LocalDate.of(2027, 7, 15)));
        assertThat(found.text())
                .isEqualTo("*Casa Pescarului* is free for *10–15 July* – *2250 RON*.\n"
                        + "_Nothing is reserved until you complete the booking._");
    }

    @Test
    void aSentenceAroundTheAddressStaysWithoutIt() {
        String url = "https://beds24.com/booking2.php?propid=100102&checkin=2027-08-01&checkout=2027-08-04&numadult=4";
        BookingPages.Found found =
                pages.find("Vila Franceza is free; you can complete your booking on our page " + url + ".");

        assertThat(found.page().property()).isEqualTo("100102");
        assertThat(found.text()).isEqualTo("Vila Franceza is free; you can complete your booking on our page.");
    }

    @Test
    void anAnswerThatIsOnlyTheLinkKeepsItsIntroduction() {
        String url = "https://beds24.com/booking2.php?propid=100101&checkin=2027-07-10&checkout=2027-07-15&numadult=2";
        assertThat(pages.find("Here is your booking link: " + url).text()).isEqualTo("Here is your booking link");
        assertThat(pages.find(url).text()).isEmpty();
    }

    @Test
    void anyOtherAddressStaysInTheText() {
        String text = "See https://example.com/photos and https://beds24.com/other?x=1";
        assertThat(pages.find(text)).isEqualTo(new BookingPages.Found(text, null));
        assertThat(new BookingPages(null).find(text).page()).isNull();
    }
}
