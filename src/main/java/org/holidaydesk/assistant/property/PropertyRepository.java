package org.holidaydesk.assistant.property;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code property} and {@code property_term} tables. Plain SQL that runs unchanged on H2 and
 * PostgreSQL: an upsert is an update followed, when nothing was updated, by an insert.
 */
@Repository
class PropertyRepository {

    private static final String ALIAS = "alias";
    private static final String AMENITY = "amenity";
    private static final String TAG = "tag";

    private final JdbcClient jdbc;

    PropertyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a property as the catalog describes it and marks it active. Runs inside the caller's transaction. */
    void upsert(Property property, Instant now) {
        Map<String, Object> columns = columns(property, now);
        int updated = jdbc.sql("""
                UPDATE property SET name = :name, location = :location, rooms = :rooms, max_guests = :maxGuests,
                    nightly_price = :nightlyPrice, currency = :currency, minimum_stay = :minimumStay, photo_url = :photoUrl,
                    description_en = :descriptionEn, description_ro = :descriptionRo, booking_id = :bookingId,
                    active = TRUE, updated_at = :updatedAt
                WHERE id = :id""").params(columns).update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO property (id, name, location, rooms, max_guests, nightly_price, currency, minimum_stay,
                            photo_url, description_en, description_ro, booking_id, active, updated_at)
                        VALUES (:id, :name, :location, :rooms, :maxGuests, :nightlyPrice, :currency, :minimumStay,
                            :photoUrl, :descriptionEn, :descriptionRo, :bookingId, TRUE, :updatedAt)""").params(columns).update();
            } catch (DuplicateKeyException anotherReplicaWasFirst) {
                jdbc.sql("UPDATE property SET updated_at = :updatedAt WHERE id = :id")
                        .params(columns)
                        .update();
            }
        }
        jdbc.sql("DELETE FROM property_term WHERE property_id = ?")
                .param(property.id())
                .update();
        insertTerms(property.id(), ALIAS, property.aliases());
        insertTerms(property.id(), AMENITY, property.amenities());
        insertTerms(property.id(), TAG, property.tags());
    }

    /** Properties that left the catalog stay in the table, inactive, so that their blocks keep a parent. */
    int deactivateAllExcept(Collection<String> ids) {
        List<String> keep = List.copyOf(ids);
        if (keep.isEmpty()) {
            return jdbc.sql("UPDATE property SET active = FALSE WHERE active = TRUE")
                    .update();
        }
        return jdbc.sql("UPDATE property SET active = FALSE WHERE active = TRUE AND id NOT IN (:ids)")
                .param("ids", keep)
                .update();
    }

    List<Property> findActive() {
        Map<String, Map<String, List<String>>> terms = new HashMap<>();
        jdbc.sql("""
                SELECT t.property_id, t.kind, t.term FROM property_term t JOIN property p ON p.id = t.property_id
                WHERE p.active = TRUE ORDER BY t.property_id, t.kind, t.position""").query(rs -> {
            terms.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), kind -> new ArrayList<>())
                    .add(rs.getString(3));
        });
        return jdbc.sql("""
                SELECT id, name, location, rooms, max_guests, nightly_price, currency, minimum_stay, photo_url,
                    description_en, description_ro, booking_id
                FROM property WHERE active = TRUE ORDER BY name""")
                .query((rs, row) -> {
                    String id = rs.getString("id");
                    Map<String, List<String>> own = terms.getOrDefault(id, Map.of());
                    return new Property(
                            id,
                            rs.getString("name"),
                            own.getOrDefault(ALIAS, List.of()),
                            rs.getString("location"),
                            rs.getInt("rooms"),
                            rs.getInt("max_guests"),
                            own.getOrDefault(AMENITY, List.of()),
                            own.getOrDefault(TAG, List.of()),
                            rs.getBigDecimal("nightly_price"),
                            rs.getString("currency"),
                            rs.getInt("minimum_stay"),
                            rs.getString("photo_url"),
                            new Property.Description(rs.getString("description_en"), rs.getString("description_ro")),
                            rs.getString("booking_id"));
                })
                .list();
    }

    private void insertTerms(String propertyId, String kind, List<String> values) {
        for (int position = 0; position < values.size(); position++) {
            jdbc.sql("INSERT INTO property_term (property_id, kind, position, term) VALUES (?, ?, ?, ?)")
                    .params(propertyId, kind, position, values.get(position))
                    .update();
        }
    }

    private static Map<String, Object> columns(Property property, Instant now) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", property.id());
        columns.put("name", property.name());
        columns.put("location", property.location());
        columns.put("rooms", property.rooms());
        columns.put("maxGuests", property.maxGuests());
        columns.put("nightlyPrice", property.nightlyPrice());
        columns.put("currency", property.currency());
        columns.put("minimumStay", property.minimumStay());
        columns.put("photoUrl", property.photoUrl());
        columns.put(
                "descriptionEn",
                property.description() == null ? null : property.description().en());
        columns.put(
                "descriptionRo",
                property.description() == null ? null : property.description().ro());
        columns.put("bookingId", property.bookingId());
        columns.put("updatedAt", Timestamp.from(now));
        return columns;
    }
}
