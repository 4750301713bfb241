package org.holidaydesk.assistant.agent.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The language files: every reply key of English is in every language (and no language has a key English
 * lacks), every language has the counts and date formats the replies use, and every word list is a valid
 * regular expression, so that adding a language is adding a file.
 */
class LanguageFilesTest {

    private final Languages languages = Languages.all();

    @Test
    void englishRomanianAndGermanAreRead() {
        assertThat(languages.codes()).startsWith("en").contains("ro", "de");
    }

    @Test
    void everyReplyKeyIsInEveryLanguage() {
        var english = languages.of("en").replyKeys();
        assertThat(english).hasSizeGreaterThan(90);
        for (String code : languages.codes()) {
            assertThat(languages.of(code).replyKeys())
                    .as("reply keys of language/" + code + ".yaml")
                    .isEqualTo(english);
        }
    }

    @Test
    void everyLanguageHasItsCountsAndDateFormats() {
        for (String code : languages.codes()) {
            Language language = languages.of(code);
            for (String noun : new String[] {"nights", "guests", "bedrooms"}) {
                assertThat(language.count(1, noun)).as(code + " " + noun).startsWith("1 ");
                assertThat(language.count(5, noun))
                        .as(code + " " + noun)
                        .startsWith("5 ")
                        .doesNotContain("{");
            }
            for (String format : new String[] {"dayMonth", "dayMonthYear", "day"}) {
                assertThat(language.text("format." + format))
                        .as(code + " format." + format)
                        .isNotBlank();
            }
        }
        assertThat(languages.of("ro").count(20, "nights")).isEqualTo("20 de nopți");
        assertThat(languages.of("de").count(3, "nights")).isEqualTo("3 Nächte");
    }

    @Test
    void everyWordListIsAValidPatternAndEveryLanguageHasTheGuideQuestions() {
        for (String code : languages.codes()) {
            languages
                    .of(code)
                    .readingLists()
                    .forEach((path, words) -> words.forEach(word -> assertThat(Pattern.compile(word))
                            .as(code + " " + path)
                            .isNotNull()));
            for (String fact : new String[] {
                "checkIn",
                "checkOut",
                "breakfast",
                "cancellation",
                "payment",
                "directions",
                "parking",
                "pets",
                "houseRules",
                "included",
                "nearby",
                "languages"
            }) {
                assertThat(languages.of(code).words("reading.guide." + fact))
                        .as(code + " reading.guide." + fact)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void aReplyFillsItsPlaceholders() {
        assertThat(languages.of("de").reply("tooManyGuests", "name", "Cabana Bradul", "guests", "2 Personen"))
                .isEqualTo("*Cabana Bradul* bietet Platz für höchstens 2 Personen.");
    }
}
