package org.holidaydesk.assistant.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The numbers of one evaluation: pass^1 and pass^k per scenario, per category and overall, milestones reached,
 * minefields hit with the conversation that hit them, billable messages per conversation and per booking link,
 * model tokens and their estimated cost at the operator's prices, time to the first reply of a turn. Written as
 * JSON, markdown and an SVG chart.
 */
public final class Scorecard {

    /** The operator's prices: USD per million prompt and completion tokens, USD per billable WhatsApp message. */
    public record Prices(double inputPerMillion, double outputPerMillion, double perMessage) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();

    public Scorecard(String target, int k, String today, List<EvalRun.Result> results, Prices prices) {
        root.put("target", target)
                .put("k", k)
                .put("today", today)
                .put(
                        "scenarios",
                        results.stream()
                                .map(r -> r.verdict().scenario())
                                .distinct()
                                .count())
                .put("conversations", results.size());
        Map<String, List<EvalRun.Result>> byScenario = results.stream()
                .collect(Collectors.groupingBy(
                        r -> r.verdict().scenario(), java.util.LinkedHashMap::new, Collectors.toList()));
        Map<String, List<double[]>> byCategory = new TreeMap<>();
        ArrayNode scenarios = root.putArray("perScenario");
        for (Map.Entry<String, List<EvalRun.Result>> e : byScenario.entrySet()) {
            List<EvalRun.Result> runs = e.getValue();
            double pass1 = runs.stream().filter(r -> r.verdict().passed()).count() / (double) runs.size();
            double passK = pass1 == 1.0 ? 1.0 : 0.0;
            String category = runs.get(0).verdict().category();
            byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(new double[] {pass1, passK});
            ObjectNode s = scenarios
                    .addObject()
                    .put("id", e.getKey())
                    .put("category", category)
                    .put("language", runs.get(0).transcript().scenario().language())
                    .put("pass1", round(pass1))
                    .put("passK", passK);
            ObjectNode milestones = s.putObject("milestones");
            for (String m : runs.get(0).transcript().scenario().milestones()) {
                milestones.put(
                        m,
                        runs.stream()
                                        .filter(r -> r.verdict().milestones().get(m))
                                        .count() + "/" + runs.size());
            }
            ArrayNode hits = s.putArray("minefields");
            for (EvalRun.Result r : runs) {
                for (Judge.Hit h : r.verdict().hits()) {
                    hits.addObject()
                            .put("minefield", h.minefield())
                            .put("run", r.verdict().run())
                            .put("turn", h.turn())
                            .put("evidence", h.evidence())
                            .put(
                                    "guestSaid",
                                    r.transcript().turns().get(h.turn() - 1).guestText());
                }
            }
        }
        ObjectNode categories = root.putObject("perCategory");
        for (Map.Entry<String, List<double[]>> e : byCategory.entrySet()) {
            categories
                    .putObject(e.getKey())
                    .put("scenarios", e.getValue().size())
                    .put(
                            "pass1",
                            round(e.getValue().stream()
                                    .mapToDouble(v -> v[0])
                                    .average()
                                    .orElse(0)))
                    .put(
                            "passK",
                            round(e.getValue().stream()
                                    .mapToDouble(v -> v[1])
                                    .average()
                                    .orElse(0)));
        }
        root.put(
                "pass1",
                round(results.stream().filter(r -> r.verdict().passed()).count()
                        / (double) Math.max(1, results.size())));
        root.put(
                "passK",
                round(byScenario.values().stream()
                        .mapToDouble(
                                runs -> runs.stream().allMatch(r -> r.verdict().passed()) ? 1 : 0)
                        .average()
                        .orElse(0)));
        ObjectNode minefields = root.putObject("minefieldsHit");
        for (String m : Judge.MINEFIELDS) {
            minefields.put(
                    m,
                    results.stream()
                            .filter(r -> r.verdict().hits().stream()
                                    .anyMatch(h -> h.minefield().equals(m)))
                            .count());
        }
        double messages = results.stream()
                .mapToInt(r -> r.transcript().billableMessages())
                .average()
                .orElse(0);
        long links = results.stream()
                .filter(r -> Boolean.TRUE.equals(r.verdict().milestones().get("booking_link")))
                .count();
        long allMessages = results.stream()
                .mapToInt(r -> r.transcript().billableMessages())
                .sum();
        double prompt = results.stream()
                .mapToLong(r -> r.transcript().promptTokens())
                .average()
                .orElse(0);
        double completion = results.stream()
                .mapToLong(r -> r.transcript().completionTokens())
                .average()
                .orElse(0);
        List<Long> times = results.stream()
                .flatMap(r -> r.transcript().turns().stream())
                .map(Transcript.TurnRecord::millisToFirstReply)
                .filter(t -> t >= 0)
                .sorted()
                .toList();
        root.putObject("cost")
                .put("billableMessagesPerConversation", round(messages))
                .put("billableMessagesPerBookingLink", links == 0 ? null : round(allMessages / (double) links))
                .put("promptTokensPerConversation", Math.round(prompt))
                .put("completionTokensPerConversation", Math.round(completion))
                .put(
                        "modelUsdPerConversation",
                        round6((prompt * prices.inputPerMillion() + completion * prices.outputPerMillion()) / 1e6))
                .put("messagesUsdPerConversation", round6(messages * prices.perMessage()))
                .put(
                        "pricesUsd",
                        prices.inputPerMillion() + " / " + prices.outputPerMillion() + " per million tokens in / out, "
                                + prices.perMessage() + " per message");
        root.putObject("secondsToFirstReply")
                .put("p50", times.isEmpty() ? 0 : times.get(times.size() / 2) / 1000.0)
                .put(
                        "p95",
                        times.isEmpty()
                                ? 0
                                : times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.95) - 1))
                                        / 1000.0)
                .put("max", times.isEmpty() ? 0 : times.get(times.size() - 1) / 1000.0);
    }

    public JsonNode json() {
        return root;
    }

    public double pass1() {
        return root.path("pass1").asDouble();
    }

    /** Writes {@code <name>.json}, {@code <name>.md} and {@code <name>.svg} into {@code folder}. */
    public void writeTo(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            JSON.writeValue(folder.resolve(name + ".json").toFile(), root);
            Files.writeString(folder.resolve(name + ".md"), markdown(name));
            Files.writeString(folder.resolve(name + ".svg"), svg());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String markdown(String name) {
        StringBuilder md = new StringBuilder("# Scorecard: ")
                .append(root.path("target").asText())
                .append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%d scenarios × k = %d (%d conversations), world anchored on %s. "
                        + "**pass^1 %.2f, pass^%d %.2f.**%n%n![pass^1 and pass^k per category](%s.svg)%n%n",
                root.path("scenarios").asInt(),
                root.path("k").asInt(),
                root.path("conversations").asInt(),
                root.path("today").asText(),
                root.path("pass1").asDouble(),
                root.path("k").asInt(),
                root.path("passK").asDouble(),
                name));
        md.append("| category | scenarios | pass^1 | pass^k |\n|---|---|---|---|\n");
        root.path("perCategory")
                .fields()
                .forEachRemaining(e -> md.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.2f | %.2f |%n",
                        e.getKey(),
                        e.getValue().path("scenarios").asInt(),
                        e.getValue().path("pass1").asDouble(),
                        e.getValue().path("passK").asDouble())));
        md.append("\n| minefield | conversations that hit it |\n|---|---|\n");
        root.path("minefieldsHit")
                .fields()
                .forEachRemaining(e -> md.append("| ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(e.getValue().asInt())
                        .append(" |\n"));
        JsonNode cost = root.path("cost");
        JsonNode time = root.path("secondsToFirstReply");
        md.append(String.format(
                Locale.ROOT,
                "%n| cost and time | |%n|---|---|%n| billable messages per conversation | %s |%n"
                        + "| billable messages per booking link | %s |%n| model tokens per conversation (prompt / completion) | %d / %d |%n"
                        + "| estimated model cost per conversation | USD %s |%n| estimated WhatsApp cost per conversation | USD %s |%n"
                        + "| prices | %s |%n| time to first reply of a turn (p50 / p95 / max) | %.2f / %.2f / %.2f s |%n%n",
                cost.path("billableMessagesPerConversation").asText(),
                cost.path("billableMessagesPerBookingLink").asText("–"),
                cost.path("promptTokensPerConversation").asLong(),
                cost.path("completionTokensPerConversation").asLong(),
                cost.path("modelUsdPerConversation").asText(),
                cost.path("messagesUsdPerConversation").asText(),
                cost.path("pricesUsd").asText(),
                time.path("p50").asDouble(),
                time.path("p95").asDouble(),
                time.path("max").asDouble()));
        md.append(
                "## Per scenario\n\n| scenario | category | lang | pass^1 | pass^k | milestones | minefields hit (run, turn: evidence) |\n|---|---|---|---|---|---|---|\n");
        for (JsonNode s : root.path("perScenario")) {
            StringBuilder milestones = new StringBuilder();
            s.path("milestones")
                    .fields()
                    .forEachRemaining(m -> milestones
                            .append(m.getKey())
                            .append(' ')
                            .append(m.getValue().asText())
                            .append("<br>"));
            StringBuilder hits = new StringBuilder();
            for (JsonNode h : s.path("minefields")) {
                hits.append(h.path("minefield").asText())
                        .append(" (")
                        .append(h.path("run").asInt())
                        .append(", ")
                        .append(h.path("turn").asInt())
                        .append(": ")
                        .append(cell(h.path("evidence").asText()))
                        .append(")<br>");
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %.2f | %.0f | %s | %s |%n",
                    s.path("id").asText(),
                    s.path("category").asText(),
                    s.path("language").asText(),
                    s.path("pass1").asDouble(),
                    s.path("passK").asDouble(),
                    milestones,
                    hits));
        }
        return md.toString();
    }

    /** Horizontal bars, pass^1 and pass^k per category, readable at a glance. */
    public String svg() {
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        root.path("perCategory").fields().forEachRemaining(rows::add);
        int rowHeight = 34;
        int width = 720;
        int left = 170;
        int barWidth = 460;
        int height = 70 + rows.size() * rowHeight + 30;
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s: pass^1 %.2f, pass^%d %.2f</text>%n"
                        + "<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"#2b7bb9\"/><text x=\"%d\" y=\"45\">pass^1</text>%n"
                        + "<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"#f0a030\"/><text x=\"%d\" y=\"45\">pass^%d</text>%n",
                width,
                height,
                escape(root.path("target").asText()),
                root.path("pass1").asDouble(),
                root.path("k").asInt(),
                root.path("passK").asDouble(),
                left,
                left + 16,
                left + 90,
                left + 106,
                root.path("k").asInt()));
        int y = 60;
        for (Map.Entry<String, JsonNode> row : rows) {
            double p1 = row.getValue().path("pass1").asDouble();
            double pk = row.getValue().path("passK").asDouble();
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s (%d)</text>%n",
                    left - 8,
                    y + 20,
                    escape(row.getKey()),
                    row.getValue().path("scenarios").asInt()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"13\" fill=\"#eee\"/>%n",
                    left,
                    y + 6,
                    barWidth));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"13\" fill=\"#2b7bb9\"/>%n",
                    left,
                    y + 6,
                    p1 * barWidth));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"8\" fill=\"#f0a030\"/>%n",
                    left,
                    y + 20,
                    pk * barWidth));
            svg.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.2f / %.2f</text>%n", left + barWidth + 8, y + 22, p1, pk));
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
