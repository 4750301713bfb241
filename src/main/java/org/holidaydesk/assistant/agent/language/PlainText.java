package org.holidaydesk.assistant.agent.language;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A guest's words as the readers compare them: lowercase, without diacritics ("Bună, 15–20 iunie" reads
 * "buna, 15-20 iunie"), every kind of dash a hyphen, apostrophes dropped ("we're" reads "were"). Guests
 * write Romanian with and without diacritics, and with both the comma and the cedilla forms of ș and ț.
 */
public record PlainText(String value) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
    private static final Pattern APOSTROPHES = Pattern.compile("['\\u2018\\u2019`]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    public static PlainText of(String text) {
        if (text == null) {
            return new PlainText("");
        }
        String plain =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        plain = DASHES.matcher(plain).replaceAll("-");
        plain = APOSTROPHES.matcher(plain).replaceAll("");
        plain = SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return new PlainText(plain);
    }

    /** One word without diacritics, lowercase: how names are compared. */
    public static String word(String word) {
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    /** Letters and digits only, one space between words: "Șterge-mi datele!" reads "sterge mi datele". */
    String words() {
        return NOT_WORD.matcher(value).replaceAll(" ").strip();
    }

    /** True when the text, read word by word, holds one of the phrases. */
    public static boolean says(String text, Pattern phrases) {
        return text != null
                && !text.isBlank()
                && phrases.matcher(of(text).words()).find();
    }

    public boolean contains(Pattern pattern) {
        return pattern.matcher(value).find();
    }

    @Override
    public String toString() {
        return value;
    }
}
