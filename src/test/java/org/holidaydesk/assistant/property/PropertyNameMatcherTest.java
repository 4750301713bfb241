package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PropertyNameMatcherTest {

    @Test
    void normalisesDiacriticsCaseAndPunctuation() {
        assertThat(PropertyNameMatcher.normalize("  Vila FRANCEZĂ!  "))
                .isEqualTo(PropertyNameMatcher.normalize("vila franceza"));
        assertThat(PropertyNameMatcher.normalize("Casa-Pescarului"))
                .isEqualTo(PropertyNameMatcher.normalize("casa pescarului"));
        assertThat(PropertyNameMatcher.normalize("Șură în Țară")).isEqualTo("sura in tara");
    }
}
