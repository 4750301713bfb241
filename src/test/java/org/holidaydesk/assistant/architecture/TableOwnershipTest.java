package org.holidaydesk.assistant.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owning package: only its classes write SQL that names the table, and every other
 * package asks the owner. ArchUnit sees types, not SQL strings, so this reads the main sources' string
 * literals. The development sandbox and the sandbox's delivery ticks read a few tables they do not own,
 * read only, and are listed by name below.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/org/holidaydesk/assistant");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Each table and the package (below {@code org.holidaydesk.assistant}) that owns it. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("inbox", "inbox"),
            Map.entry("inbox_quarantine", "inbox"),
            Map.entry("guest", "inbox"),
            Map.entry("guest_message", "inbox"),
            Map.entry("guest_alias", "inbox"),
            Map.entry("message_status", "inbox"),
            Map.entry("outbox", "reply"),
            Map.entry("dead_letter", "reply"),
            Map.entry("send_budget", "reply"),
            Map.entry("send_place", "reply"),
            Map.entry("chat_memory", "memory"),
            Map.entry("guest_context", "agent.offline"),
            Map.entry("handoff", "agent.intents"),
            Map.entry("turn_trace", "agent.turn"),
            Map.entry("thread_control", "agent.control"),
            Map.entry("property", "property"),
            Map.entry("property_block", "property"),
            Map.entry("property_term", "property"),
            Map.entry("booking_link", "funnel"),
            Map.entry("booking_funnel_day", "funnel"),
            Map.entry("billed_message", "funnel"),
            Map.entry("billing_conversation", "funnel"));

    /** Classes that read tables they do not own, and only read them: the sandbox's views. */
    private static final Map<String, Set<String>> READ_ONLY = Map.of(
            "simulator/SandboxViews.java",
                    Set.of(
                            "chat_memory",
                            "guest",
                            "guest_alias",
                            "guest_context",
                            "guest_message",
                            "message_status",
                            "outbox",
                            "turn_trace"),
            "reply/SandboxReplies.java", Set.of("message_status"));

    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(\\w+)");
    private static final Pattern WRITE =
            Pattern.compile("\\b(?:INSERT INTO|UPDATE|DELETE FROM|MERGE INTO|TRUNCATE TABLE)\\s+(\\w+)");
    private static final Pattern CREATED = Pattern.compile("(?i)\\bCREATE TABLE (?:IF NOT EXISTS )?(\\w+)");

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                Matcher table = CREATED.matcher(read(f));
                while (table.find()) {
                    created.add(table.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            });
        }
        assertThat(OWNERS.keySet())
                .as("tables with an owning package (add a new table to OWNERS)")
                .containsAll(created);
    }

    @Test
    void eachTablesSqlStaysInItsOwningPackage() {
        List<String> strangers = new ArrayList<>();
        sql().forEach((file, sql) -> {
            String pkg = file.contains("/")
                    ? file.substring(0, file.lastIndexOf('/')).replace('/', '.')
                    : "";
            for (String table : tables(NAMED, sql)) {
                String owner = OWNERS.get(table);
                if (owner == null || pkg.equals(owner) || pkg.startsWith(owner + ".")) {
                    continue;
                }
                if (!READ_ONLY.getOrDefault(file, Set.of()).contains(table)) {
                    strangers.add(file + " names " + table + " (owned by " + owner + ")");
                }
            }
        });
        assertThat(strangers)
                .as("SQL outside the table's owning package: ask the owner instead")
                .isEmpty();
    }

    @Test
    void theSandboxsViewsOnlyRead() {
        List<String> writes = new ArrayList<>();
        Map<String, String> sql = sql();
        READ_ONLY.forEach((file, tables) -> {
            assertThat(sql)
                    .as("a read-only view that is no more: remove it from READ_ONLY")
                    .containsKey(file);
            Set<String> written = tables(WRITE, sql.get(file));
            written.retainAll(tables);
            written.forEach(table -> writes.add(file + " writes " + table));
        });
        assertThat(writes).isEmpty();
    }

    /** The SQL-like string literals of each main source file, by its path below the base package. */
    private static Map<String, String> sql() {
        Map<String, String> byFile = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                StringBuilder literals = new StringBuilder();
                Matcher literal = LITERAL.matcher(read(f));
                while (literal.find()) {
                    literals.append(literal.group(1) != null ? literal.group(1) : literal.group(2))
                            .append('\n');
                }
                byFile.put(SOURCES.relativize(f).toString().replace('\\', '/'), literals.toString());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byFile;
    }

    private static Set<String> tables(Pattern statement, String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher named = statement.matcher(sql);
        while (named.find()) {
            if (OWNERS.containsKey(named.group(1))) {
                tables.add(named.group(1));
            }
        }
        return tables;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
