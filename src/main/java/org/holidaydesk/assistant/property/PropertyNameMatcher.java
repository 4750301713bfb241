package org.holidaydesk.assistant.property;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds a property from what a guest wrote: its id, name or an alias, in any case, with or without
 * diacritics ("Vila Franceză", "vila franceza") and with small typos ("Casa Pescariului"). Names are
 * compared after normalising; typos are measured as edit distance (insertions, deletions, substitutions
 * and swapped neighbours), allowing about one mistake in four letters.
 */
final class PropertyNameMatcher {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final int SUGGESTIONS = 3;

    /** What a query resolved to. */
    sealed interface Match {
    }

    record Found(Property property) implements Match {
    }

    /** Several properties are equally close: the guest has to say which. */
    record Ambiguous(List<Property> candidates) implements Match {
    }

    /** Nothing is close enough; the nearest names are suggestions. */
    record Unknown(List<Property> closest) implements Match {
    }

    private record Key(String normalized, Property property) {
    }

    private final List<Key> keys;
    private final Map<String, List<Property>> byName;
    private final List<Property> properties;

    PropertyNameMatcher(List<Property> properties) {
        this.properties = List.copyOf(properties);
        List<Key> all = new ArrayList<>();
        for (Property property : properties) {
            all.add(new Key(normalize(property.id()), property));
            all.add(new Key(normalize(property.name()), property));
            property.aliases().forEach(alias -> all.add(new Key(normalize(alias), property)));
        }
        this.keys = List.copyOf(all);
        Map<String, List<Property>> names = new HashMap<>();
        for (Key key : all) {
            List<Property> named = names.computeIfAbsent(key.normalized(), k -> new ArrayList<>());
            if (!named.contains(key.property())) {
                named.add(key.property());
            }
        }
        names.replaceAll((name, named) -> List.copyOf(named));
        this.byName = Map.copyOf(names);
    }

    /** Lowercase ASCII letters and digits, words separated by one space: "Vila Franceză!" becomes "vila franceza". */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("")
                // letters NFD does not decompose
                .replace('ß', 's').replace('ø', 'o').replace('Ø', 'o').replace('ł', 'l').replace('Ł', 'l');
        return NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    Match resolve(String query) {
        String wanted = normalize(query == null ? "" : query);
        if (wanted.isEmpty()) {
            return new Unknown(closest(wanted));
        }
        List<Property> exact = byName.getOrDefault(wanted, List.of());
        if (!exact.isEmpty()) {
            return exact.size() == 1 ? new Found(exact.get(0)) : new Ambiguous(exact);
        }
        int allowed = Math.max(1, wanted.length() / 4);
        Map<String, Integer> near = new LinkedHashMap<>();
        for (Key key : keys) {
            int d = boundedDistance(wanted, key.normalized(), allowed);
            if (d <= allowed) {
                near.merge(key.property().id(), d, Math::min);
            }
        }
        if (!near.isEmpty()) {
            int nearest = near.values().stream().min(Integer::compare).orElseThrow();
            List<Property> nearestProperties = properties.stream()
                    .filter(p -> near.getOrDefault(p.id(), Integer.MAX_VALUE) == nearest)
                    .toList();
            return nearestProperties.size() == 1 ? new Found(nearestProperties.get(0)) : new Ambiguous(nearestProperties);
        }
        List<Property> containing = containing(wanted);
        if (containing.size() == 1) {
            return new Found(containing.get(0));
        }
        if (containing.size() > 1) {
            return new Ambiguous(containing);
        }
        return new Unknown(closest(wanted));
    }

    /**
     * Whole words in common: a query that is part of a name ("pescarului" finds "casa pescarului") or a
     * query that contains a whole name ("the lake house" finds the alias "lake house").
     */
    private List<Property> containing(String wanted) {
        if (wanted.length() < 4) {
            return List.of();
        }
        String paddedWanted = " " + wanted + " ";
        return keys.stream()
                .filter(key -> {
                    String paddedKey = " " + key.normalized() + " ";
                    return paddedKey.contains(paddedWanted) || (key.normalized().length() >= 4 && paddedWanted.contains(paddedKey));
                })
                .map(Key::property)
                .distinct()
                .toList();
    }

    private List<Property> closest(String wanted) {
        Map<String, Integer> score = new LinkedHashMap<>();
        for (Key key : keys) {
            score.merge(key.property().id(), distance(wanted, key.normalized()), Math::min);
        }
        return properties.stream()
                .sorted(Comparator.comparingInt((Property p) -> score.get(p.id())).thenComparing(Property::name))
                .limit(SUGGESTIONS)
                .toList();
    }

    /**
     * {@link #distance} when it is at most {@code max}, otherwise some value above {@code max}. Cheap
     * rejections first (length, letters in common), then only the diagonal band of the table that can
     * stay within {@code max}, stopping as soon as a whole row is over it: a thousand names are checked
     * in well under a millisecond.
     */
    static int boundedDistance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] letters = new int[64];
        for (int i = 0; i < a.length(); i++) {
            letters[a.charAt(i) & 63]++;
        }
        for (int i = 0; i < b.length(); i++) {
            letters[b.charAt(i) & 63]--;
        }
        int surplus = 0;
        int deficit = 0;
        for (int count : letters) {
            if (count > 0) {
                surplus += count;
            } else {
                deficit -= count;
            }
        }
        // every edit fixes at most one surplus and one missing letter
        if (Math.max(surplus, deficit) > max) {
            return max + 1;
        }
        int over = max + 1;
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j <= max ? j : over;
        }
        for (int i = 1; i <= a.length(); i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(b.length(), i + max);
            current[0] = i <= max ? i : over;
            if (from > 1) {
                current[from - 1] = over;
            }
            int rowMinimum = current[0];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = Math.min(value, over);
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            if (to < b.length()) {
                current[to + 1] = over;
            }
            if (rowMinimum > max) {
                return over;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring letters. */
    static int distance(String a, String b) {
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
