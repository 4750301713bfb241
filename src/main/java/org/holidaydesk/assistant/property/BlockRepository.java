package org.holidaydesk.assistant.property;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code property_block} table: blocked nights from every source. The service replaces only the rows
 * it owns (catalog bookings, one feed's events); rows the business entered by hand are read, never written.
 */
@Repository
class BlockRepository {

    private static final String INSERT = """
            INSERT INTO property_block (property_id, start_date, end_date, source, source_ref, note)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;

    BlockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces every catalog booking. Runs inside the caller's transaction. */
    void replaceCatalogBlocks(List<Booking> bookings) {
        jdbc.sql("DELETE FROM property_block WHERE source = ?")
                .param(BlockSource.CATALOG.column())
                .update();
        for (Booking booking : bookings) {
            insert(booking.range(), null, booking.note());
        }
    }

    /** Replaces what one feed said about one property. Runs inside the caller's transaction. */
    void replaceFeedBlocks(String propertyId, String feedRef, List<BlockedRange> ranges) {
        jdbc.sql("DELETE FROM property_block WHERE property_id = ? AND source = ? AND source_ref = ?")
                .params(propertyId, BlockSource.ICAL.column(), feedRef)
                .update();
        for (BlockedRange range : ranges) {
            insert(range, feedRef, null);
        }
    }

    /** Forgets feeds the catalog no longer names, so that a removed feed's bookings stop blocking. */
    int deleteFeedBlocksExcept(List<String> feedRefs) {
        if (feedRefs.isEmpty()) {
            return jdbc.sql("DELETE FROM property_block WHERE source = ?")
                    .param(BlockSource.ICAL.column())
                    .update();
        }
        return jdbc.sql("DELETE FROM property_block WHERE source = :source AND source_ref NOT IN (:refs)")
                .param("source", BlockSource.ICAL.column())
                .param("refs", feedRefs)
                .update();
    }

    /** Every block of an active property that still has a night on or after {@code day}. */
    List<BlockedRange> findEndingAfter(LocalDate day) {
        return jdbc.sql("""
                SELECT b.property_id, b.start_date, b.end_date, b.source FROM property_block b
                JOIN property p ON p.id = b.property_id
                WHERE p.active = TRUE AND b.end_date > ?""")
                .param(Date.valueOf(day))
                .query((rs, row) -> new BlockedRange(
                        rs.getString(1),
                        rs.getDate(2).toLocalDate(),
                        rs.getDate(3).toLocalDate(),
                        BlockSource.fromColumn(rs.getString(4))))
                .list();
    }

    /** Adds one block the way a business would by hand; for operators' tools and tests. */
    void insertManual(BlockedRange range, String note) {
        insert(new BlockedRange(range.propertyId(), range.start(), range.end(), BlockSource.MANUAL), null, note);
    }

    private void insert(BlockedRange range, String sourceRef, String note) {
        jdbc.sql(INSERT)
                .params(
                        range.propertyId(),
                        Date.valueOf(range.start()),
                        Date.valueOf(range.end()),
                        range.source().column(),
                        sourceRef,
                        note)
                .update();
    }

    /** A booking written in the catalog file, resolved to dates. */
    record Booking(BlockedRange range, String note) {}
}
