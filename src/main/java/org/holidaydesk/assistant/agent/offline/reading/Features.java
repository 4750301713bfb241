package org.holidaydesk.assistant.agent.offline.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.agent.language.Language;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.language.PlainText;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/**
 * The features guests ask for by name, in English and Romanian, and the catalog terms that mean each:
 * "something romantic", "can I bring my dog", "cu piscină", "la munte", "is there parking". A tag or
 * amenity the catalog uses and the vocabulary lacks is still found when the guest writes it as the
 * catalog does. Romanian names are given for the amenities of the sample catalog; others stay as the
 * catalog writes them.
 */
public final class Features {

    private static final List<Feature> VOCABULARY = List.of(
            tag(
                    "romantic",
                    "romantic\\w*|honeymoon|anniversary|luna de miere|aniversar\\w*",
                    List.of("romantic"),
                    "romantic",
                    "romantice",
                    "romantic",
                    "romantic"),
            // "two couples" is a party, not a wish
            tag(
                    "couples",
                    "for couples|couple-friendly|couple friendly|pentru cupluri|potrivita pentru cupluri",
                    List.of("couples", "couple"),
                    "couple-friendly",
                    "pentru cupluri",
                    "couples",
                    "cupluri"),
            tag(
                    "family",
                    "famil(?:y|ies|ie|ia|ii|iei|iala|iale)|family-friendly|kid-friendly|child-friendly",
                    List.of("family", "families", "family friendly"),
                    "family-friendly",
                    "pentru familii",
                    "families",
                    "familii"),
            tag(
                    "groups",
                    "groups?|grup|grupuri|grupul",
                    List.of("groups", "group"),
                    "group-friendly",
                    "pentru grupuri",
                    "groups",
                    "grupuri"),
            tag(
                    Feature.PETS,
                    "pets?|pet-friendly|pet friendly|dogs?|puppy|puppies|(?:my|our|a|the) cat|cats"
                            + "|animals?|caine|cainele|caini|catel|catelul|catelus|catelusul|pisica|pisici|pisicile|pisicuta"
                            + "|animale|animalul|animalele|animalut|animalute",
                    List.of("pet friendly", "pets", "pets allowed", "dog friendly"),
                    "pet-friendly",
                    "care primesc animale de companie",
                    "pets welcome",
                    "animale acceptate"),
            tag(
                    "mountains",
                    "mountains?|munte|munti|muntii|muntele|montan\\w*",
                    List.of("mountains", "mountain"),
                    "mountain",
                    "de munte",
                    "mountains",
                    "munte"),
            tag(
                    "ski",
                    "ski|skiing|slopes|schi|schiat|partie|partii|partiile",
                    List.of("ski", "skiing"),
                    "ski",
                    "de schi",
                    "ski",
                    "schi"),
            tag(
                    "sea",
                    "sea|seaside|beach|la mare|marea|marii|plaja|plaje|litoral\\w*",
                    List.of("sea", "seaside", "beach"),
                    "seaside",
                    "de la mare",
                    "sea",
                    "mare"),
            tag(
                    "lake",
                    "lake|lakeside|lac|lacul|lacului",
                    List.of("lake", "lakeside"),
                    "lakeside",
                    "de lângă lac",
                    "lake",
                    "lac"),
            tag(
                    "nature",
                    "nature|wildlife|birdwatching|natura|delta",
                    List.of("nature"),
                    "nature",
                    "în natură",
                    "nature",
                    "natură"),
            tag(
                    "wine",
                    "wine|wines|vineyards?|winery|vinuri|podgori\\w*|crama|crame|degustar\\w*|vinarie",
                    List.of("wine", "vineyard"),
                    "wine",
                    "pentru iubitorii de vin",
                    "wine",
                    "vin"),
            tag("fishing", "fishing|pescuit", List.of("fishing"), "fishing", "pentru pescuit", "fishing", "pescuit"),
            amenity(
                    "parking",
                    "parking|car park|park (?:the|my|our) cars?|place to park|where to park|garage|parcare"
                            + "|parcarea|parcam|parchez|parca masina|garaj",
                    List.of("parking", "garage", "car park"),
                    "parking",
                    "parcare"),
            amenity("wifi", "wifi|wi-fi|wi fi|internet|wireless", List.of("wifi", "wi fi", "internet"), "wifi", "wifi"),
            amenity(
                    "pool",
                    "pool|swimming pool|piscina|piscine|bazin",
                    List.of("pool", "swimming pool"),
                    "a pool",
                    "piscină"),
            amenity("sauna", "sauna|saune", List.of("sauna"), "a sauna", "saună"),
            amenity(
                    "hot tub",
                    "hot tub|hottub|jacuzzi|whirlpool|ciubar|ciubarul|cada cu hidromasaj",
                    List.of("hot tub", "jacuzzi"),
                    "a hot tub",
                    "ciubăr"),
            amenity("fireplace", "fireplace|semineu|seminee", List.of("fireplace"), "a fireplace", "șemineu"),
            amenity(
                    "kitchen",
                    "kitchen|cook|cooking|bucatarie|bucataria|sa gatim|gatit",
                    List.of("kitchen"),
                    "a kitchen",
                    "bucătărie"),
            amenity(
                    "barbecue",
                    "barbecue|bbq|grill|gratar|gratarul|gratare",
                    List.of("barbecue", "bbq", "grill"),
                    "a barbecue",
                    "grătar"),
            amenity("garden", "garden|gradina|gradini|curte", List.of("garden"), "a garden", "grădină"),
            amenity("terrace", "terrace|deck|patio|terasa|terase", List.of("terrace", "deck"), "a terrace", "terasă"),
            amenity(
                    "kayaks",
                    "kayaks?|canoes?|caiac|caiace|canoe",
                    List.of("kayaks", "kayak", "canoe"),
                    "kayaks",
                    "caiace"),
            amenity(
                    "boat trips",
                    "boats?|boat trips?|barca|barci|plimbari cu barca",
                    List.of("boat", "boats", "boat trips"),
                    "boat trips",
                    "plimbări cu barca"),
            amenity("jetty", "jetty|pier|ponton", List.of("jetty", "pier"), "a jetty", "ponton"));

    /** Romanian names of amenities the vocabulary does not ask about, as the sample catalog writes them. */
    private static final Map<String, String> ROMANIAN_AMENITIES = Map.of(
            "fishing gear", "echipament de pescuit",
            "mountain view", "vedere la munte",
            "wine cellar", "cramă",
            "air conditioning", "aer condiționat",
            "washing machine", "mașină de spălat");

    private Features() {}

    private static Feature tag(
            String term,
            String words,
            List<String> catalogTerms,
            String english,
            String romanian,
            String englishMark,
            String romanianMark) {
        return new Feature(
                term, Feature.Kind.TAG, words(words), catalogTerms, english, romanian, englishMark, romanianMark);
    }

    private static Feature amenity(
            String term, String words, List<String> catalogTerms, String english, String romanian) {
        String mark = english.startsWith("a ") ? english.substring(2) : english;
        return new Feature(term, Feature.Kind.AMENITY, words(words), catalogTerms, english, romanian, mark, romanian);
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }

    /**
     * The features the words ask for, in the order the vocabulary lists them, then the catalog's own
     * tags and amenities written as the catalog writes them.
     */
    static List<Feature> askedIn(PlainText text, List<PropertyTools.PropertySummary> catalog) {
        List<Feature> asked = new ArrayList<>();
        for (Feature feature : VOCABULARY) {
            if (text.contains(feature.words())) {
                asked.add(feature);
            }
        }
        String padded = " " + text.value().replace('-', ' ').replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        for (Map.Entry<String, Feature.Kind> term : catalogTerms(catalog).entrySet()) {
            String plain = Feature.plain(term.getKey());
            if (plain.length() >= 3
                    && padded.contains(" " + plain + " ")
                    && asked.stream().noneMatch(f -> f.means(plain))
                    && VOCABULARY.stream().noneMatch(f -> f.means(plain))) {
                asked.add(Feature.literal(term.getKey(), term.getValue()));
            }
        }
        return asked;
    }

    /** The feature a remembered term names; a term of the catalog's own taken literally. */
    public static Feature named(String term, List<PropertyTools.PropertySummary> catalog) {
        for (Feature feature : VOCABULARY) {
            if (feature.term().equals(term)) {
                return feature;
            }
        }
        Feature.Kind kind = catalog.stream()
                        .anyMatch(p -> p.amenities().stream()
                                .anyMatch(a -> Feature.plain(a).equals(term)))
                ? Feature.Kind.AMENITY
                : Feature.Kind.TAG;
        return Feature.literal(term, kind);
    }

    /** An amenity as the guest reads it: its name in the language file ({@code amenities}), else as below. */
    public static String amenityName(String amenity, Language language) {
        String named = language.text("amenities." + Feature.plain(amenity));
        return named != null ? named : amenityName(amenity, LanguageGuess.ROMANIAN.equals(language.code()));
    }

    /** An amenity as the guest reads it: the catalog's English, or its Romanian name when there is one. */
    public static String amenityName(String amenity, boolean inRomanian) {
        if (!inRomanian) {
            return amenity;
        }
        String plain = Feature.plain(amenity);
        String known = ROMANIAN_AMENITIES.get(plain);
        if (known != null) {
            return known;
        }
        for (Feature feature : VOCABULARY) {
            if (feature.kind() == Feature.Kind.AMENITY && feature.catalogTerms().contains(plain)) {
                return feature.romanian();
            }
        }
        return amenity;
    }

    private static Map<String, Feature.Kind> catalogTerms(List<PropertyTools.PropertySummary> catalog) {
        Map<String, Feature.Kind> terms = new LinkedHashMap<>();
        for (PropertyTools.PropertySummary property : catalog) {
            property.tags().forEach(tag -> terms.putIfAbsent(tag, Feature.Kind.TAG));
            property.amenities().forEach(amenity -> terms.putIfAbsent(amenity, Feature.Kind.AMENITY));
        }
        return terms;
    }
}
