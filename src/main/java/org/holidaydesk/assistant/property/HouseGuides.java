package org.holidaydesk.assistant.property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The house guides of the loaded catalog, and their public part as the tools give it: a property's own fact,
 * else the business-wide one; without a property, the business's fact when every property has the same, else
 * each property's. The private part never leaves this class.
 */
@Component
class HouseGuides {

    /** The guides as the catalog file has them. */
    record Catalog(Guide business, Map<String, Guide> byProperty) {

        static final Catalog EMPTY = new Catalog(Guide.NONE, Map.of());
    }

    /** @param source {@code property} or {@code business}: whose guide the text is from */
    record Fact(String text, String language, String source) {}

    /** A property's text for a fact that differs between properties; {@code text} is null where its guide lacks it. */
    record PropertyFact(String propertyId, String name, String text, String language) {}

    record Question(String question, String answer, String language, String source) {}

    /**
     * @param propertyId  the property, or null for the business-wide guide
     * @param facts       the facts known, by key ({@code checkIn}, {@code breakfast}, ...)
     * @param byProperty  without a property: the facts that differ between properties, each property's text
     * @param notInGuide  the facts no guide has: the assistant does not know them
     */
    record Answer(
            String propertyId,
            String name,
            String language,
            Map<String, Fact> facts,
            Map<String, List<PropertyFact>> byProperty,
            List<String> notInGuide,
            List<Question> questions) {}

    private volatile Catalog catalog = Catalog.EMPTY;

    void replaceWith(Catalog loaded) {
        catalog = loaded;
    }

    Answer of(Property property, String language) {
        Catalog current = catalog;
        Guide own = current.byProperty().getOrDefault(property.id(), Guide.NONE);
        Map<String, Fact> facts = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : Guide.FACTS.keySet()) {
            Fact fact = effective(own, current.business(), key, language);
            if (fact == null) {
                missing.add(key);
            } else {
                facts.put(key, fact);
            }
        }
        List<Question> questions = new ArrayList<>(questions(own, "property", language));
        questions.addAll(questions(current.business(), "business", language));
        return new Answer(property.id(), property.name(), language, facts, Map.of(), missing, questions);
    }

    Answer ofBusiness(List<Property> properties, String language) {
        Catalog current = catalog;
        Map<String, Fact> facts = new LinkedHashMap<>();
        Map<String, List<PropertyFact>> differing = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : Guide.FACTS.keySet()) {
            List<PropertyFact> each = new ArrayList<>();
            for (Property property : properties) {
                Fact fact = effective(
                        current.byProperty().getOrDefault(property.id(), Guide.NONE),
                        current.business(),
                        key,
                        language);
                each.add(new PropertyFact(
                        property.id(),
                        property.name(),
                        fact == null ? null : fact.text(),
                        fact == null ? null : fact.language()));
            }
            long distinct = each.stream().map(PropertyFact::text).distinct().count();
            Fact business = effective(Guide.NONE, current.business(), key, language);
            if (each.stream().allMatch(f -> f.text() == null) && business == null) {
                missing.add(key);
            } else if (distinct == 1 && each.get(0).text() != null) {
                facts.put(
                        key,
                        new Fact(
                                each.get(0).text(),
                                each.get(0).language(),
                                business != null
                                                && business.text()
                                                        .equals(each.get(0).text())
                                        ? "business"
                                        : "property"));
            } else if (properties.isEmpty() && business != null) {
                facts.put(key, business);
            } else {
                differing.put(key, each);
            }
        }
        return new Answer(
                null, null, language, facts, differing, missing, questions(current.business(), "business", language));
    }

    private static Fact effective(Guide own, Guide business, String key, String language) {
        Guide.Text text = own.fact(key);
        String source = "property";
        if (text == null) {
            text = business.fact(key);
            source = "business";
        }
        if (text == null) {
            return null;
        }
        String written = text.languageFor(language);
        return new Fact(text.in(language), Guide.Text.ANY.equals(written) ? null : written, source);
    }

    private static List<Question> questions(Guide guide, String source, String language) {
        return guide.questions().stream()
                .filter(q -> q.question() != null && q.answer() != null)
                .map(q -> new Question(
                        q.question().in(language),
                        q.answer().in(language),
                        nullIfAny(q.answer().languageFor(language)),
                        source))
                .toList();
    }

    private static String nullIfAny(String language) {
        return Guide.Text.ANY.equals(language) ? null : language;
    }
}
