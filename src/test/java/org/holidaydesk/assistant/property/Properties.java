package org.holidaydesk.assistant.property;

import java.math.BigDecimal;
import java.util.List;

/** Properties for tests, built with only what a test cares about. */
final class Properties {

    private Properties() {}

    static Property property(
            String id, String name, int maxGuests, int nightlyPrice, int minimumStay, String... aliases) {
        return new Property(
                id,
                name,
                List.of(aliases),
                "Somewhere",
                2,
                maxGuests,
                List.of("wifi"),
                List.of("family"),
                BigDecimal.valueOf(nightlyPrice),
                "RON",
                minimumStay,
                null,
                new Property.Description("A place.", "Un loc."),
                null);
    }

    static Property tagged(String id, String name, int maxGuests, String... tags) {
        return new Property(
                id,
                name,
                List.of(),
                "Somewhere",
                2,
                maxGuests,
                List.of(),
                List.of(tags),
                BigDecimal.valueOf(100),
                "RON",
                1,
                null,
                new Property.Description(null, null),
                null);
    }
}
