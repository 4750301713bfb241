package org.holidaydesk.assistant.agent.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.holidaydesk.assistant.agent.language.PlainText;
import org.holidaydesk.assistant.agent.offline.reading.GuideTopic;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/**
 * Answers what the business's house guide answers (check-in, breakfast, cancellation, ...), from
 * {@code get_house_guide}: the business's own words quoted as they are, for the property asked about, or for the
 * business when none is; a fact that differs by property is given for each. A fact no guide has gets "I don't
 * know" and the business's contact, never another property's value. The guide's free questions are answered when
 * the guest's words hold most of one's words.
 */
final class GuideAnswers {

    /** Share of a free question's words the guest's words must hold for its answer to be given. */
    private static final double QUESTION_MATCH = 0.6;

    private final PropertyTools tools;
    private final String businessContact;

    GuideAnswers(PropertyTools tools, String businessContact) {
        this.tools = tools;
        this.businessContact = businessContact;
    }

    /**
     * The lines that answer the topics and any free question, and the topics the guide had nothing for among those
     * the catalog also answers (parking, pets), which are left to the catalog's answer.
     *
     * @param property the property as the guest wrote it or as remembered; null for the business-wide guide
     */
    Answer answer(String property, Set<GuideTopic> topics, String plainWords, Wording words) {
        PropertyTools.HouseGuide guide = tools.guide(property, words.language());
        List<String> lines = new ArrayList<>();
        Set<GuideTopic> leftToTheCatalog = new LinkedHashSet<>();
        for (GuideTopic topic : topics) {
            String topicName = words.text(topic.label());
            PropertyTools.GuideFact fact = guide.facts().get(topic.key());
            List<PropertyTools.PropertyGuideFact> each = guide.byProperty().get(topic.key());
            if (fact != null) {
                lines.add(
                        guide.name() == null
                                ? words.text("guideBusinessFact", "topic", capitalized(topicName), "text", fact.text())
                                : words.text(
                                        "guideFact", "name", guide.name(), "topic", topicName, "text", fact.text()));
            } else if (each != null && !each.isEmpty()) {
                lines.add(words.text("guideDiffers", "topic", capitalized(topicName)));
                for (PropertyTools.PropertyGuideFact one : each) {
                    lines.add(
                            one.text() == null
                                    ? words.text("guidePropertyUnknown", "name", one.name(), "contact", businessContact)
                                    : words.text("guidePropertyLine", "name", one.name(), "text", one.text()));
                }
            } else if (topic.alsoInCatalog()) {
                leftToTheCatalog.add(topic);
            } else {
                lines.add(
                        guide.name() == null
                                ? words.text("guideUnknown", "topic", topicName, "contact", businessContact)
                                : words.text(
                                        "guideUnknownFor",
                                        "topic",
                                        topicName,
                                        "name",
                                        guide.name(),
                                        "contact",
                                        businessContact));
            }
        }
        for (PropertyTools.GuideQuestion question : guide.questions()) {
            if (matches(question.question(), plainWords)) {
                lines.add(words.text(
                        "guideQuestion",
                        "question",
                        "*" + question.question() + "*",
                        "text",
                        "",
                        "answer",
                        question.answer()));
            }
        }
        return new Answer(lines, leftToTheCatalog, guide.name());
    }

    /** Whether the guest's words hold most of a free question's words (those of four letters or more). */
    static boolean matches(String question, String plainWords) {
        if (question == null || plainWords == null || plainWords.isBlank()) {
            return false;
        }
        List<String> asked = Arrays.stream(PlainText.of(question).value().split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 4)
                .distinct()
                .toList();
        if (asked.isEmpty()) {
            return false;
        }
        Set<String> said = new java.util.HashSet<>(Arrays.asList(plainWords.split("[^\\p{L}\\p{N}]+")));
        long held = asked.stream().filter(said::contains).count();
        return held >= 2 && (double) held / asked.size() >= QUESTION_MATCH;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * @param lines            the answer's lines; empty when the guide answered nothing asked
     * @param leftToTheCatalog topics the guide lacks that the catalog's tags and amenities answer
     * @param property         the property's name the guide is of; null for the business's
     */
    record Answer(List<String> lines, Set<GuideTopic> leftToTheCatalog, String property) {}
}
