package org.holidaydesk.assistant.agent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how many guests will stay, in English and Romanian: "for 2", "2 people", "two adults", "doi adulți
 * și un copil", "pentru 2 persoane", "o familie de 4", "we are 3", "a couple". Adults and children given
 * apart are added up. A number that is a length of stay or a day ("for 2 nights", "for 15 June") is not a
 * party.
 */
final class PartyReader {

    /** Most guests a message is believed to mean; a larger number is more likely a date or a price. */
    static final int MOST = 50;

    private static final String NUMBER = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|unu|una|doi|doua|trei|patru|cinci|sase|sapte|opt|noua|zece|unsprezece|doisprezece|douasprezece)";
    /** Also "a", "an", "un", "o": one, but only before a noun ("a child", "un copil", "o persoana"). */
    private static final String NUMBER_OR_ARTICLE = "(\\d{1,2}|a|an|o|un|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|unu|una|doi|doua|trei|patru|cinci|sase|sapte|opt|noua|zece|unsprezece|doisprezece|douasprezece)";

    private static final Pattern ADULTS = Pattern.compile("\\b" + NUMBER_OR_ARTICLE + "\\s+(?:adults?|adulti|grown-?ups?|oameni mari)\\b");
    private static final Pattern CHILDREN = Pattern.compile("\\b" + NUMBER_OR_ARTICLE
            + "\\s+(?:children|child|kids?|babies|baby|infants?|toddlers?|copii|copil|copilasi|copilas|bebelusi|bebelus|bebe)\\b");
    private static final Pattern FAMILY = Pattern.compile("\\bfamil(?:y|ie)\\s+(?:of|de)\\s+" + NUMBER + "\\b");
    private static final Pattern PEOPLE = Pattern.compile("\\b" + NUMBER_OR_ARTICLE
            + "\\s*(?:people|persons?|guests?|pax|pers|persoane|persoana|oaspeti|oameni|of us|dintre noi|inclusiv eu)\\b");
    private static final Pattern WE_ARE = Pattern.compile("\\b(?:we are|were|we will be|well be|there are|there will be|"
            + "suntem|vom fi|o sa fim|am fi)\\s+" + NUMBER + "\\b(?!\\s*(?:nights?|nopti|days?|zile))");
    private static final Pattern FOR = Pattern.compile("\\b(?:for|pentru)\\s+" + NUMBER + "\\b(?!\\s*(?:nights?|nopti|noptii|"
            + "noapte|seri|days?|zile|weeks?|saptamani|saptamana|months?|luni|[./-]\\s*\\d|st\\b|nd\\b|rd\\b|th\\b|"
            + "(?:" + DateReader.MONTH_WORDS + ")\\b|ron\\b|lei\\b|eur\\b|euro\\b|\\$|%))");
    private static final Pattern COUPLE = Pattern.compile("\\b(?:a couple|couple|un cuplu|cuplu|doar noi doi|noi doi"
            + "|my (?:wife|husband|partner|girlfriend|boyfriend|fiancee?) and (?:i|me)|me and my (?:wife|husband|partner|girlfriend|boyfriend|fiancee?)"
            + "|eu si (?:sotia|sotul|partenerul|partenera|prietena|prietenul|iubita|iubitul|logodnica|logodnicul))\\b");
    private static final Pattern ALONE = Pattern.compile("\\b(?:just me|only me|by myself|on my own|alone|doar eu|singur|singura)\\b");

    private PartyReader() {
    }

    /** The number of guests, or null when the words do not say. */
    static Integer read(PlainText text) {
        String words = text.value();
        int adults = sum(ADULTS, words);
        int children = sum(CHILDREN, words);
        if (adults + children > 0) {
            return sane(adults + children);
        }
        for (Pattern pattern : new Pattern[] {FAMILY, PEOPLE, WE_ARE, FOR}) {
            Matcher matcher = pattern.matcher(words);
            if (matcher.find()) {
                return sane(DateReader.count(matcher.group(1)));
            }
        }
        if (COUPLE.matcher(words).find()) {
            return 2;
        }
        if (ALONE.matcher(words).find()) {
            return 1;
        }
        return null;
    }

    private static int sum(Pattern pattern, String words) {
        int total = 0;
        Matcher matcher = pattern.matcher(words);
        while (matcher.find()) {
            total += DateReader.count(matcher.group(1));
        }
        return total;
    }

    private static Integer sane(int guests) {
        return guests >= 1 && guests <= MOST ? guests : null;
    }
}
