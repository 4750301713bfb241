package org.holidaydesk.assistant.agent.offline.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.agent.language.Languages;
import org.holidaydesk.assistant.agent.language.PlainText;

/**
 * Reads how many guests will stay, in English and Romanian, from numbers in digits or words (one to
 * twelve, with Romanian's gendered forms: "doi"/"două", "un"/"o", "doisprezece"/"douăsprezece").
 *
 * <ul>
 *   <li>A stated total: "for 4", "4 people", "we are five", "suntem 6", "o familie de 4", "a party of 8",
 *       "noi trei", "the two of us", "two families of four".</li>
 *   <li>A composition, added up: "2 adults and 2 children", "doi adulți și un copil", "one adult and a baby".</li>
 *   <li>Groups: "a couple" (2), "two couples" (4), "trei cupluri" (6), "me and my wife" (2), "me and 3 friends" (4),
 *       "eu și 3 prieteni" (4), "a family with 2 kids" (4: two parents are assumed), "just me" (1).</li>
 * </ul>
 *
 * <p>When a total and a composition are both given, the words between them decide: "including",
 * "dintre care", a comma or a colon make the composition part of the total ("we are 4, including 2
 * children": 4); "plus", "+", "and", "with", "și", "cu" add it ("we are 2 plus a baby": 3, "2 persoane + 1
 * copil": 3). A composition larger than its total wins. Children without any adult, total or group are
 * not a party: the guest is asked. Babies count as guests. A number that is a length of stay or a day
 * ("for 2 nights", "for 15 June") is not a party.
 */
public final class PartyReader {

    /** Most guests a message is believed to mean; a larger number is more likely a date or a price. */
    static final int MOST = 50;

    private static final String NUMBER = NumberWords.NUMBER;
    private static final String NUMBER_OR_ARTICLE = NumberWords.NUMBER_OR_ARTICLE;

    private static final Languages WORDS = Languages.all();
    private static final String ADULT_NOUNS = "(?:" + WORDS.alternatives("reading.party.adults") + ")";
    private static final String CHILD_NOUNS = "(?:" + WORDS.alternatives("reading.party.children") + ")";
    private static final String PEOPLE_NOUNS = "(?:" + WORDS.alternatives("reading.party.people") + ")";
    /** "zu zweit": a phrase that is a party of its own size, by every language file ({@code reading.party.together}). */
    private static final Map<Pattern, Integer> TOGETHER = together();

    private static final String GROUP_NOUNS =
            "(?:couples?|cupluri|cuplu|perechi|pereche|families|familii|friends|prieteni" + "|prietene)";
    /** What may follow a number that is the whole party: not nights, days, dates, prices, or parts of the party. */
    private static final String NOT_A_TOTAL = "(?!\\s*(?:(?:" + WORDS.alternatives("reading.dates.nights") + "|"
            + WORDS.alternatives("reading.dates.weeks") + "|days?|zile|tage?|months?|luni|monate?|st|nd|rd|th|"
            + DateReader.MONTH_WORDS + "|ron|lei|eur|euro"
            + "|(?:small |little |young )?" + ADULT_NOUNS + "|(?:small |little |young )?" + CHILD_NOUNS
            + "|" + GROUP_NOUNS + "|of them|dintre (?:ei|care)|din care)\\b|[./-]\\s*\\d|\\$|%))";

    private static final Pattern ADULTS = Pattern.compile("\\b" + NUMBER_OR_ARTICLE + "\\s+" + ADULT_NOUNS + "\\b");
    private static final Pattern CHILDREN =
            Pattern.compile("\\b" + NUMBER_OR_ARTICLE + "\\s+(?:small |little |young )?" + CHILD_NOUNS + "\\b");
    /** Children named as part of a total: "2 of them kids", "dintre care 2 copii", "including 2 children". */
    private static final Pattern CHILDREN_INCLUDED = Pattern.compile("\\b(?:" + NUMBER_OR_ARTICLE
            + "\\s+(?:of them|of whom|dintre ei|dintre noi)\\s+(?:are |is |sunt |e )?" + CHILD_NOUNS
            + "|(?:including|incl|inclusiv|of which|of whom|dintre care|din care|among them)\\s+" + NUMBER_OR_ARTICLE
            + "\\s+(?:small |little |young )?" + CHILD_NOUNS + ")\\b");

    private static final Pattern FAMILIES_OF = Pattern.compile(
            "\\b" + NUMBER + "\\s+(?:families|familii)\\s+(?:of|de)\\s+" + NUMBER + "\\b" + NOT_A_TOTAL);
    private static final Pattern GROUP_OF =
            Pattern.compile("\\b(?:family|familie|familia|party|group|grup|grupul|echipa|team)" + "\\s+(?:of|de)\\s+"
                    + NUMBER + "\\b" + NOT_A_TOTAL);
    private static final Pattern PEOPLE =
            Pattern.compile("\\b" + NUMBER_OR_ARTICLE + "\\s*(?:de\\s+)?" + PEOPLE_NOUNS + "\\b");
    private static final Pattern WE_ARE = Pattern.compile("\\b(?:" + WORDS.alternatives("reading.party.weAre")
            + ")\\s+(?:in total\\s+|total\\s+)?" + NUMBER + "\\b" + "(?!\\s+of\\b)" + NOT_A_TOTAL);
    private static final Pattern IN_TOTAL = Pattern.compile("\\b(?:in total|total|in all|cu totul|overall)\\s*:?\\s*"
            + NUMBER + "\\b" + NOT_A_TOTAL + "|\\b" + NUMBER + "\\s+(?:in total|total|in all|cu totul)\\b");
    private static final Pattern FOR = Pattern.compile("\\b(?:" + WORDS.alternatives("reading.party.for") + ")\\.?\\s+"
            + NUMBER + "\\b(?!\\s+of\\b)" + NOT_A_TOTAL);

    private static final Pattern COUPLES = Pattern.compile("\\b" + NUMBER + "\\s+(?:couples|cupluri|perechi)\\b");
    private static final Pattern A_COUPLE = Pattern.compile("\\b(?:a couple|couple|un cuplu|cuplu|o pereche|"
            + WORDS.alternatives("reading.party.pairs") + ")\\b(?!\\s+of\\b)");
    private static final String PARTNER =
            "(?:wife|husband|partner|girlfriend|boyfriend|fiancee?|son|daughter|mother|father"
                    + "|mom|mum|dad|sister|brother|friend|colleague)";
    private static final String PARTENER =
            "(?:sotia|sotul|partenerul|partenera|prietena|prietenul|iubita|iubitul|logodnica"
                    + "|logodnicul|fiul|fiica|mama|tata|sora|fratele|colegul|colega)";
    private static final Pattern PAIR = Pattern.compile("\\b(?:my " + PARTNER + " and (?:i|me)|me and my " + PARTNER
            + "|(?:i|im|i am) (?:coming |travelling |traveling )?with my " + PARTNER + "|eu (?:si|cu) " + PARTENER
            + "|(?:vin|venim|vine|merg) cu " + PARTENER + "|" + PARTENER
            + " si (?:cu )?mine|me and a (?:friend|colleague)"
            + "|eu si (?:un prieten|o prietena|un coleg|o colega))\\b");
    private static final Pattern FRIENDS =
            Pattern.compile("\\b(?:(me|i|eu|myself)\\s+(?:and|si|plus|\\+|with|cu)\\s+(?:my\\s+)?"
                    + "|(with|cu)\\s+(?:my\\s+|inca\\s+)?)?" + NUMBER
                    + "\\s+(?:friends|prieteni|prietene|colleagues|colegi)"
                    + "(\\s+(?:and|si) (?:i|me|eu|mine))?\\b");
    private static final Pattern FAMILY_WITH = Pattern.compile(
            "\\b(?:a family|family|o familie|familie|familia noastra|we are a family)" + "\\s+(?:with|cu)\\b");
    private static final Pattern ALONE = Pattern.compile(
            "\\b(?:just me|only me|by myself|on my own|alone|doar eu|singur|singura" + "|o singura persoana)\\b");

    /** Words that make a composition after a total part of it, wherever they are. */
    private static final Pattern INCLUSIVE =
            Pattern.compile("\\b(?:including|incl|inclusiv|of which|of whom|of them|among them"
                    + "|dintre care|din care|dintre ei|dintre noi)\\b");
    /** Words right after a total that add what follows to it. */
    private static final Pattern ADDITIVE =
            Pattern.compile("^[,;]?\\s*(?:\\+|plus|and|si|with|cu|along with|together with"
                    + "|as well as|besides|impreuna cu|pe langa)\\b|^[,;]?\\s*\\+");
    /** After a whole party ("a family of 4 with 2 kids"), only an explicit "plus" adds. */
    private static final Pattern PLUS = Pattern.compile("^[,;]?\\s*(?:\\+|plus\\b|and also\\b|si inca\\b)");

    /** @param whole the words name the whole party ("a family of 4"): "with" then says who is in it */
    private record Count(int start, int end, int guests, boolean whole) {

        Count(int start, int end, int guests) {
            this(start, end, guests, false);
        }
    }

    private PartyReader() {}

    /** The number of guests, or null when the words do not say. */
    public static Integer read(PlainText text) {
        String words = text.value();
        Count total = total(words);
        List<Count> parts = new ArrayList<>();
        parts.addAll(all(ADULTS, words));
        parts.addAll(all(CHILDREN, words));
        List<Count> included = all(CHILDREN_INCLUDED, words);
        // "dintre care 2 copii" is read by both patterns: it is part of the total, not an addition to it
        parts.removeIf(part -> included.stream().anyMatch(in -> part.start() >= in.start() && part.end() <= in.end()));
        int adults = sum(all(ADULTS, words));
        int groupAdults = groupAdults(words);
        int children = sum(parts) - adults + sum(included);
        if (total == null) {
            if (adults + groupAdults == 0) {
                return null;
            }
            return sane(adults + groupAdults + children);
        }
        List<Count> after =
                parts.stream().filter(part -> part.start() >= total.end()).toList();
        if (!after.isEmpty() && !INCLUSIVE.matcher(words).find()) {
            int firstAfter = after.stream().mapToInt(Count::start).min().orElseThrow();
            Pattern adding = total.whole() ? PLUS : ADDITIVE;
            if (adding.matcher(words.substring(total.end(), firstAfter)).find()) {
                return sane(total.guests() + sum(after));
            }
        }
        return sane(Math.max(total.guests(), adults + groupAdults + children));
    }

    /** The first whole-party number the words give, and where. */
    private static Count total(String words) {
        for (Map.Entry<Pattern, Integer> together : TOGETHER.entrySet()) {
            Matcher matcher = together.getKey().matcher(words);
            if (matcher.find()) {
                return new Count(matcher.start(), matcher.end(), together.getValue(), true);
            }
        }
        Matcher families = FAMILIES_OF.matcher(words);
        if (families.find()) {
            int guests = NumberWords.value(families.group(1)) * NumberWords.value(families.group(2));
            return new Count(families.start(), families.end(), guests, true);
        }
        for (Pattern pattern : new Pattern[] {GROUP_OF, PEOPLE, IN_TOTAL, WE_ARE, FOR}) {
            Matcher matcher = pattern.matcher(words);
            if (matcher.find()) {
                String number = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                return new Count(matcher.start(), matcher.end(), NumberWords.value(number), pattern == GROUP_OF);
            }
        }
        return null;
    }

    /** Adults the words give as groups: couples, "me and my wife", "me and 3 friends", a family with children. */
    private static int groupAdults(String words) {
        int adults = 0;
        Matcher couples = COUPLES.matcher(words);
        boolean counted = false;
        while (couples.find()) {
            adults += 2 * NumberWords.value(couples.group(1));
            counted = true;
        }
        if (!counted && A_COUPLE.matcher(words).find()) {
            adults += 2;
        }
        if (PAIR.matcher(words).find()) {
            adults = Math.max(adults, 2);
        }
        Matcher friends = FRIENDS.matcher(words);
        if (friends.find()) {
            boolean withSpeaker = friends.group(1) != null || friends.group(2) != null || friends.group(4) != null;
            adults += NumberWords.value(friends.group(3)) + (withSpeaker ? 1 : 0);
        }
        if (adults == 0 && FAMILY_WITH.matcher(words).find()) {
            adults = 2;
        }
        if (adults == 0 && ALONE.matcher(words).find()) {
            adults = 1;
        }
        return adults;
    }

    private static Map<Pattern, Integer> together() {
        Map<Pattern, Integer> phrases = new java.util.LinkedHashMap<>();
        for (String code : WORDS.codes()) {
            WORDS.of(code)
                    .root()
                    .path("reading")
                    .path("party")
                    .path("together")
                    .fields()
                    .forEachRemaining(entry -> phrases.put(
                            Pattern.compile("\\b" + entry.getKey() + "\\b"),
                            entry.getValue().asInt()));
        }
        return phrases;
    }

    private static List<Count> all(Pattern pattern, String words) {
        List<Count> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(words);
        while (matcher.find()) {
            String number = null;
            for (int group = 1; group <= matcher.groupCount() && number == null; group++) {
                number = matcher.group(group);
            }
            found.add(new Count(matcher.start(), matcher.end(), NumberWords.value(number)));
        }
        return found;
    }

    private static int sum(List<Count> counts) {
        return counts.stream().mapToInt(Count::guests).sum();
    }

    private static Integer sane(int guests) {
        return guests >= 1 && guests <= MOST ? guests : null;
    }
}
