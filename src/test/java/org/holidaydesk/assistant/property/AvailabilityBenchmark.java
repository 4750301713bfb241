package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.holidaydesk.assistant.config.H2TestUrls;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast {@code search_availability} answers in-process over 1,000 properties with two years of
 * bookings each: the tool call as the MCP server makes it (argument parsing, the search with its
 * alternatives, structured result and text), on the index rebuilt from an in-memory database.
 * Not a test: run {@code bench/availability.sh}. Numbers depend on the machine and its load.
 */
public final class AvailabilityBenchmark {

    private static final int PROPERTIES = 1_000;
    private static final int DAYS = 730;
    private static final int WARMUP = 20_000;
    private static final int MEASURED = 50_000;
    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");

    private AvailabilityBenchmark() {}

    public static void main(String[] args) throws Exception {
        Random random = new Random(20260615L);
        LocalDate today = LocalDate.now(ZONE);
        PropertyProperties settings = new PropertyProperties(
                "unused",
                "https://book.example/{propertyId}",
                ZONE,
                Duration.ofMinutes(15),
                Duration.ofSeconds(2),
                Duration.ofSeconds(20),
                DAYS,
                30,
                10);

        JdbcDataSource database = new JdbcDataSource();
        database.setURL(H2TestUrls.inMemory("bench-" + UUID.randomUUID()));
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        PropertyRepository propertyRows = new PropertyRepository(jdbc);
        BlockRepository blockRows = new BlockRepository(jdbc);

        List<Property> properties = new ArrayList<>();
        for (int i = 0; i < PROPERTIES; i++) {
            Property property = new Property(
                    String.format("property-%04d", i),
                    String.format("Casa Număr %04d", i),
                    List.of(String.format("House %04d", i)),
                    "Region " + (i % 40),
                    1 + random.nextInt(5),
                    2 + random.nextInt(9),
                    List.of("wifi", "parking"),
                    List.of(i % 3 == 0 ? "family" : "romantic"),
                    BigDecimal.valueOf(150 + random.nextInt(1500)),
                    i % 4 == 0 ? "EUR" : "RON",
                    1 + random.nextInt(3),
                    null,
                    new Property.Description("A house.", "O casă."),
                    null);
            propertyRows.upsert(property, Instant.now());
            properties.add(property);
        }
        int blocks = insertTwoYearsOfBookings(database, properties, today, random);

        AvailabilityIndex index = new AvailabilityIndex(propertyRows, blockRows, settings);
        long rebuildStart = System.nanoTime();
        index.rebuild();
        long rebuildNanos = System.nanoTime() - rebuildStart;
        SearchAvailabilityTool tool = new SearchAvailabilityTool(index);

        List<McpSchema.CallToolRequest> requests = new ArrayList<>();
        for (int i = 0; i < 4_096; i++) {
            LocalDate checkIn = today.plusDays(random.nextInt(365));
            Map<String, Object> arguments = new HashMap<>();
            arguments.put("checkIn", checkIn.toString());
            arguments.put("checkOut", checkIn.plusDays(1 + random.nextInt(14)).toString());
            arguments.put("guests", 1 + random.nextInt(8));
            int kind = random.nextInt(10);
            if (kind < 3) {
                arguments.put(
                        "property", properties.get(random.nextInt(PROPERTIES)).name());
            } else if (kind < 4) {
                // a guest's spelling: no diacritics, one letter dropped
                String name = String.format("casa numar %04d", random.nextInt(PROPERTIES));
                int drop = 1 + random.nextInt(name.length() - 2);
                arguments.put("property", name.substring(0, drop) + name.substring(drop + 1));
            }
            requests.add(new McpSchema.CallToolRequest("search_availability", arguments));
        }

        int errors = 0;
        for (int i = 0; i < WARMUP; i++) {
            errors += call(tool, requests.get(i % requests.size()));
        }
        errors = 0;
        long[] nanos = new long[MEASURED];
        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            errors += call(tool, requests.get(i % requests.size()));
            nanos[i] = System.nanoTime() - t0;
        }
        long elapsed = System.nanoTime() - started;
        Arrays.sort(nanos);

        System.out.printf(
                "%nsearch_availability, in-process: %,d properties, %,d blocked ranges over %d days "
                        + "(index rebuilt from the database in %.0f ms)%n",
                PROPERTIES, blocks, DAYS, rebuildNanos / 1e6);
        System.out.printf(
                "calls: %,d measured after %,d warm-up, one thread, %d answered isError%n", MEASURED, WARMUP, errors);
        System.out.printf("p50  %8.3f ms%n", percentile(nanos, 50) / 1e6);
        System.out.printf("p99  %8.3f ms%n", percentile(nanos, 99) / 1e6);
        System.out.printf("p999 %8.3f ms%n", percentile(nanos, 99.9) / 1e6);
        System.out.printf("max  %8.3f ms%n", nanos[nanos.length - 1] / 1e6);
        System.out.printf("mean %8.3f ms%n", Arrays.stream(nanos).average().orElse(0) / 1e6);
        System.out.printf("throughput %,.0f calls/s%n", MEASURED / (elapsed / 1e9));
        System.out.printf(
                "machine: %d cores, Java %s (numbers vary with the machine's load)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version());
    }

    private static int call(SearchAvailabilityTool tool, McpSchema.CallToolRequest request) {
        return Boolean.TRUE.equals(PropertyMcpServer.answer(tool, request).isError()) ? 1 : 0;
    }

    /** Stays of 2 to 10 nights with gaps of 0 to 12 days, about half the nights booked, from a week ago to the horizon. */
    private static int insertTwoYearsOfBookings(
            JdbcDataSource database, List<Property> properties, LocalDate today, Random random) throws Exception {
        int count = 0;
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO property_block "
                        + "(property_id, start_date, end_date, source) VALUES (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (Property property : properties) {
                LocalDate day = today.minusDays(7 + random.nextInt(7));
                while (day.isBefore(today.plusDays(DAYS))) {
                    LocalDate end = day.plusDays(2 + random.nextInt(9));
                    insert.setString(1, property.id());
                    insert.setDate(2, Date.valueOf(day));
                    insert.setDate(3, Date.valueOf(end));
                    insert.setString(4, random.nextBoolean() ? "ical" : "manual");
                    insert.addBatch();
                    count++;
                    day = end.plusDays(random.nextInt(13));
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        return count;
    }

    private static double percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
