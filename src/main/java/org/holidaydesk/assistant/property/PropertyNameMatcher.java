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
import org.holidaydesk.assistant.spelling.EditDistance;

/**
 * Finds a property from what a guest wrote: its id, name or an alias, in any case, with or without
 * diacritics ("Vila Franceză", "vila franceza") and with small typos ("Casa Pescariului"). Names are
 * compared after normalising; typos are measured by {@link EditDistance} (insertions, deletions,
 * substitutions and swapped neighbours), allowing about one mistake in four letters.
 */
final class PropertyNameMatcher {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final int SUGGESTIONS = 3;

    /** What a query resolved to. */
    sealed interface Match {}

    record Found(Property property) implements Match {}

    /** Several properties are equally close: the guest has to say which. */
    record Ambiguous(List<Property> candidates) implements Match {}

    /** Nothing is close enough; the nearest names are suggestions. */
    record Unknown(List<Property> closest) implements Match {}

    private record Key(String normalized, Property property) {}

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
        String plain = MARKS.matcher(decomposed)
                .replaceAll("")
                // letters NFD does not decompose
                .replace('ß', 's')
                .replace('ø', 'o')
                .replace('Ø', 'o')
                .replace('ł', 'l')
                .replace('Ł', 'l');
        return NOT_ALPHANUMERIC
                .matcher(plain.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
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
            int d = EditDistance.within(wanted, key.normalized(), allowed);
            if (d <= allowed) {
                near.merge(key.property().id(), d, Math::min);
            }
        }
        if (!near.isEmpty()) {
            int nearest = near.values().stream().min(Integer::compare).orElseThrow();
            List<Property> nearestProperties = properties.stream()
                    .filter(p -> near.getOrDefault(p.id(), Integer.MAX_VALUE) == nearest)
                    .toList();
            return nearestProperties.size() == 1
                    ? new Found(nearestProperties.get(0))
                    : new Ambiguous(nearestProperties);
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
                    return paddedKey.contains(paddedWanted)
                            || (key.normalized().length() >= 4 && paddedWanted.contains(paddedKey));
                })
                .map(Key::property)
                .distinct()
                .toList();
    }

    private List<Property> closest(String wanted) {
        Map<String, Integer> score = new LinkedHashMap<>();
        for (Key key : keys) {
            score.merge(key.property().id(), EditDistance.between(wanted, key.normalized()), Math::min);
        }
        return properties.stream()
                .sorted(Comparator.comparingInt((Property p) -> score.get(p.id()))
                        .thenComparing(Property::name))
                .limit(SUGGESTIONS)
                .toList();
    }
}
