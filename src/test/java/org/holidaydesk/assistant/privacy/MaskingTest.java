package org.holidaydesk.assistant.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses in logs and operator views: country and last four, never the whole. */
class MaskingTest {

    @Test
    void keepsACountryPrefixAndTheLastFourDigitsOfAPhoneNumber() {
        assertThat(Masking.recipient("401234561234")).isEqualTo("+40******1234");
        assertThat(Masking.recipient("+401234561234")).isEqualTo("+40******1234");
        assertThat(Masking.recipient("40712345678")).isEqualTo("+40*****5678");
    }

    @Test
    void keepsTheCountryAndTheLastFourOfABusinessScopedUserId() {
        assertThat(Masking.recipient("RO.2154728038528084")).isEqualTo("RO.************8084");
    }

    @Test
    void hidesShortAddressesWhole() {
        assertThat(Masking.recipient("123456")).isEqualTo("+******");
        assertThat(Masking.recipient("US.1234")).isEqualTo("US.****");
    }

    @Test
    void neverContainsTheFullAddress() {
        for (String address :
                new String[] {"40752601815", "15550783881", "RO.9083016613186091", "someone-unexpected-id"}) {
            String masked = Masking.recipient(address);

            assertThat(masked).doesNotContain(address).endsWith(address.substring(address.length() - 4));
            assertThat(masked.chars().filter(c -> c == '*').count()).isGreaterThanOrEqualTo(address.length() - 7);
        }
    }

    @Test
    void saysSoWhenThereIsNoAddress() {
        assertThat(Masking.recipient(null)).isEqualTo("(none)");
        assertThat(Masking.recipient(" ")).isEqualTo("(none)");
    }
}
