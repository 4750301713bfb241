package org.holidaydesk.assistant.property;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A house guide as the business wrote it, for one property or for the whole business: the facts guests ask
 * (check-in, breakfast, cancellation, ...), each in one or more languages, free question-and-answer pairs,
 * and a private part (door codes, the Wi-Fi password) that no tool result ever carries. Read from the
 * catalog file; an unknown fact name, an empty text or a language code that is not two letters stops the
 * load with the line it is on.
 */
record Guide(
        Text checkIn,
        Text checkOut,
        Text breakfast,
        Text cancellation,
        Text payment,
        Text directions,
        Text parking,
        Text pets,
        Text houseRules,
        Text included,
        Text nearby,
        Text languages,
        List<Question> questions,
        @JsonProperty("private") Map<String, String> privateNotes) {

    static final Guide NONE =
            new Guide(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** The facts in the order guests are told them, by the key the tools name each with. */
    static final Map<String, Function<Guide, Text>> FACTS = facts();

    Guide {
        questions = questions == null
                ? List.of()
                : questions.stream().filter(Objects::nonNull).toList();
        privateNotes = privateNotes == null ? Map.of() : Map.copyOf(privateNotes);
    }

    Text fact(String key) {
        Function<Guide, Text> read = FACTS.get(key);
        return read == null ? null : read.apply(this);
    }

    private static Map<String, Function<Guide, Text>> facts() {
        Map<String, Function<Guide, Text>> facts = new LinkedHashMap<>();
        facts.put("checkIn", Guide::checkIn);
        facts.put("checkOut", Guide::checkOut);
        facts.put("breakfast", Guide::breakfast);
        facts.put("cancellation", Guide::cancellation);
        facts.put("payment", Guide::payment);
        facts.put("directions", Guide::directions);
        facts.put("parking", Guide::parking);
        facts.put("pets", Guide::pets);
        facts.put("houseRules", Guide::houseRules);
        facts.put("included", Guide::included);
        facts.put("nearby", Guide::nearby);
        facts.put("languages", Guide::languages);
        return java.util.Collections.unmodifiableMap(facts);
    }

    /** A free question and its answer, as the business wrote both. */
    record Question(Text question, Text answer) {}

    /**
     * One text the business wrote, by language code ({@code en}, {@code ro}, {@code de}, ...). Written in the
     * catalog as a plain string (one language, whichever the guest writes) or as a map of languages.
     */
    @JsonDeserialize(using = Text.Reader.class)
    record Text(Map<String, String> byLanguage) {

        /** The key of a text written without a language. */
        static final String ANY = "*";

        Text {
            byLanguage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
        }

        /** The language to give: the asked one, else English, else the first the business wrote. */
        String languageFor(String asked) {
            if (asked != null && byLanguage.containsKey(asked)) {
                return asked;
            }
            if (byLanguage.containsKey(ANY)) {
                return ANY;
            }
            return byLanguage.containsKey("en")
                    ? "en"
                    : byLanguage.keySet().iterator().next();
        }

        String in(String language) {
            return byLanguage.get(languageFor(language));
        }

        static final class Reader extends JsonDeserializer<Text> {

            private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

            @Override
            public Text deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                Map<String, String> texts = new LinkedHashMap<>();
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    texts.put(ANY, nonBlank(parser, context, parser.getText()));
                    return new Text(texts);
                }
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    return context.reportInputMismatch(
                            Text.class,
                            "a guide text must be a text, or languages with a text each such as {en: ..., ro: ...}");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String language = parser.currentName();
                    if (!LANGUAGE.matcher(language).matches()) {
                        return context.reportInputMismatch(
                                Text.class,
                                "\"%s\" is not a language code: use two lowercase letters such as en, ro, de",
                                language);
                    }
                    if (parser.nextToken() != JsonToken.VALUE_STRING) {
                        return context.reportInputMismatch(Text.class, "the %s text must be a text", language);
                    }
                    texts.put(language, nonBlank(parser, context, parser.getText()));
                }
                if (texts.isEmpty()) {
                    return context.reportInputMismatch(Text.class, "a guide text needs at least one language");
                }
                return new Text(texts);
            }

            private static String nonBlank(JsonParser parser, DeserializationContext context, String text)
                    throws IOException {
                if (text == null || text.isBlank()) {
                    context.reportInputMismatch(Text.class, "a guide text is empty: write it, or leave the fact out");
                }
                return text.strip();
            }
        }
    }
}
