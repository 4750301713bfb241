package org.holidaydesk.assistant.property;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An iCalendar export of one property's bookings (Airbnb, Booking.com, a channel manager), as an
 * {@code https:} URL, a {@code file:} or {@code classpath:} location, or a plain path.
 *
 * <p>Export URLs carry a secret (Airbnb's {@code ?s=}, Booking.com's {@code ?t=}), so the location is
 * never logged or stored: logs use {@link #displayName()}, the database {@link #ref()}.
 */
record CalendarFeed(String propertyId, String location) {

    /** A stable key for this feed's rows: a hash of the location, which does not reveal it. */
    String ref() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((propertyId + " " + location).getBytes(StandardCharsets.UTF_8));
            return "feed-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Where the feed comes from without its secret: scheme and host for URLs, the file name otherwise. */
    String displayName() {
        try {
            URI uri = URI.create(location.strip());
            if (uri.getHost() != null) {
                return propertyId + " <- " + uri.getScheme() + "://" + uri.getHost();
            }
        } catch (IllegalArgumentException notAUri) {
            // a plain path
        }
        String path = location.strip();
        int query = path.indexOf('?');
        path = query >= 0 ? path.substring(0, query) : path;
        return propertyId + " <- " + path.substring(path.lastIndexOf('/') + 1);
    }

    boolean remote() {
        String lower = location.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
