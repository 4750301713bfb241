package org.holidaydesk.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedMessageConverterTest {

    @Test
    void masksPhoneNumbersAndBusinessScopedIdsWhereverTheyAppear() {
        assertThat(MaskedMessageConverter.mask(
                        "reply to 40752601815 failed; user RO.2154728038528084 waits; +40739099603"))
                .isEqualTo("reply to +40*****1815 failed; user RO.************8084 waits; +40*****9603");
    }

    @Test
    void leavesShortNumbersMessageIdsAndWordsAlone() {
        String message =
                "Inbox commit of 16 callback(s) failed in 250 ms: wamid.npAWA3+EJnwujMLUX8zQls8Fri7FXENDvJwsSAwB";

        assertThat(MaskedMessageConverter.mask(message)).isEqualTo(message);
    }
}
