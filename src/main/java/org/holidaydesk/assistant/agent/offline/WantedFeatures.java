package org.holidaydesk.assistant.agent.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.holidaydesk.assistant.agent.offline.reading.Feature;
import org.holidaydesk.assistant.agent.offline.reading.Features;
import org.holidaydesk.assistant.agent.tools.PropertyTools;

/**
 * What a guest wants of a place, held against the catalog: which of it each property has, and any list
 * of properties ordered with the best matches first (the rest keep their order, so a search's best fit
 * still comes first among equals).
 */
final class WantedFeatures {

    private final List<Feature> wanted;
    private final Map<String, PropertyTools.PropertySummary> properties = new HashMap<>();

    private WantedFeatures(List<Feature> wanted, List<PropertyTools.PropertySummary> catalog) {
        this.wanted = List.copyOf(wanted);
        for (PropertyTools.PropertySummary property : catalog) {
            properties.put(property.id(), property);
            properties.putIfAbsent(property.name(), property);
        }
    }

    /** The features the context remembers, against the catalog. */
    static WantedFeatures of(GuestContext known, List<PropertyTools.PropertySummary> catalog) {
        return new WantedFeatures(
                known.features().stream()
                        .map(term -> Features.named(term, catalog))
                        .toList(),
                catalog);
    }

    List<Feature> wanted() {
        return wanted;
    }

    boolean none() {
        return wanted.isEmpty();
    }

    /** The wanted features the property (by id or name) has; empty for one the catalog does not list. */
    List<Feature> of(String property) {
        PropertyTools.PropertySummary summary = properties.get(property);
        if (summary == null) {
            return List.of();
        }
        return wanted.stream()
                .filter(f -> f.in(summary.tags(), summary.amenities()))
                .toList();
    }

    /** The items with the properties that have more of what is wanted first. */
    <T> List<T> ranked(List<T> items, Function<T, String> property) {
        if (none()) {
            return items;
        }
        List<T> ranked = new ArrayList<>(items);
        ranked.sort(
                Comparator.comparingInt((T item) -> -of(property.apply(item)).size()));
        return ranked;
    }

    /** Whether any of the properties has any of what is wanted. */
    boolean anyIn(List<String> properties) {
        return properties.stream().anyMatch(p -> !of(p).isEmpty());
    }
}
