package org.holidaydesk.assistant.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One scripted guest conversation from {@code eval/scenarios/*.yaml}: what the guest writes, turn by turn,
 * what the guest has made known by each turn (the judge's view of the request), and the milestones that
 * must be reached. Minefields apply to every scenario.
 */
public record Scenario(
        String id,
        String category,
        String language,
        List<Turn> turns,
        List<String> milestones,
        String expectProperty,
        String note) {

    /** What the guest has made known by the end of a turn: dates as days from today, party, property. */
    public record Known(Integer in, Integer out, Integer guests, String property) {

        static final Known NOTHING = new Known(null, null, null, null);

        Known merge(Known later) {
            if (later == null) {
                return this;
            }
            return new Known(
                    later.in != null ? later.in : in,
                    later.out != null ? later.out : out,
                    later.guests != null ? later.guests : guests,
                    later.property != null ? later.property : property);
        }

        boolean hasStay() {
            return in != null && out != null && guests != null;
        }
    }

    /**
     * @param say      the guest's message, with {@code {in}}, {@code {out}} (the stay known by this turn) and
     *                 {@code {day:N}} (today + N days) written as a guest of the scenario's language writes dates
     * @param known    everything the guest has made known by this turn (earlier turns' included)
     * @param offTopic the message asks for something the business does not do
     * @param forget   the message asks the assistant to forget the guest
     */
    public record Turn(String say, Known known, boolean offTopic, boolean forget) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(in|out|day:(-?\\d+))}");

    /** The guest's message of a turn on the world's today. */
    public String text(Turn turn, LocalDate today) {
        Matcher m = PLACEHOLDER.matcher(turn.say());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int offset = switch (m.group(1)) {
                case "in" -> turn.known().in();
                case "out" -> turn.known().out();
                default -> Integer.parseInt(m.group(2));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(Dates.write(today.plusDays(offset), language)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every scenario in the {@code .yaml} files of {@code folder}, in file and then file order. */
    public static List<Scenario> loadAll(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Scenario> all = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(load(file));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Scenario> load(Path file) throws IOException {
        JsonNode root = World.YAML.readTree(file.toFile());
        List<Scenario> scenarios = new ArrayList<>();
        String fileLanguage = root.path("language").asText("en");
        for (JsonNode s : root.path("scenarios")) {
            String language = s.path("language").asText(fileLanguage).toLowerCase(Locale.ROOT);
            Known known = Known.NOTHING;
            List<Turn> turns = new ArrayList<>();
            for (JsonNode t : s.path("turns")) {
                JsonNode k = t.path("knows");
                if (!k.isMissingNode()) {
                    known = known.merge(new Known(
                            integer(k, "in"),
                            integer(k, "out"),
                            integer(k, "guests"),
                            k.hasNonNull("property") ? k.get("property").asText() : null));
                }
                turns.add(new Turn(
                        t.path("say").asText(),
                        known,
                        t.path("offTopic").asBoolean(false),
                        t.path("forget").asBoolean(false)));
                if (t.path("forget").asBoolean(false)) {
                    known = Known.NOTHING;
                }
            }
            List<String> milestones = new ArrayList<>();
            s.path("milestones").forEach(m -> milestones.add(m.asText()));
            String id = s.path("id").asText();
            if (id.isBlank() || turns.isEmpty()) {
                throw new IllegalArgumentException(file + ": a scenario needs an id and at least one turn");
            }
            for (String m : milestones) {
                if (!Judge.MILESTONES.contains(m)) {
                    throw new IllegalArgumentException(file + ": scenario " + id + " names an unknown milestone " + m
                            + "; known: " + Judge.MILESTONES);
                }
            }
            scenarios.add(new Scenario(
                    id,
                    s.path("category").asText("other"),
                    language,
                    List.copyOf(turns),
                    List.copyOf(milestones),
                    known.property(),
                    s.path("note").asText(null)));
        }
        return scenarios;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asInt() : null;
    }
}
