package org.holidaydesk.assistant.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An OpenAI-compatible chat model on loopback that plays the evaluation's scenarios from their script: it
 * knows each guest by the WhatsApp name the harness gives ({@code <scenario id>#<run>}, which the service puts
 * in the system message), calls the property tools with the stay the scenario says the guest has made known,
 * and answers from the tools' results — or makes one kind of mistake on purpose ({@link Mode}), so that the
 * judge can be shown to catch it. Token usage is reported as a model's would be.
 *
 * <p>{@code java … ScriptedModel <port> [mode]} runs it alone, for {@code OPENAI_BASE_URL=http://127.0.0.1:<port>/v1}.
 */
public final class ScriptedModel implements AutoCloseable {

    /** The model's behaviour: correct, or one kind of mistake. */
    public enum Mode {
        CORRECT,
        TAKEN,
        TOO_SMALL,
        PRICE,
        EARLY_LINK,
        POEM,
        LANGUAGE
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("WhatsApp name is ([^\\s]+?)#(\\d+)\\.");

    private final Map<String, Scenario> scenarios;
    private final World world;
    private final java.util.function.IntFunction<Mode> modeOfRun;
    private final HttpServer server;

    public ScriptedModel(List<Scenario> scenarios, World world, Mode mode, int port) {
        this(scenarios, world, run -> mode, port);
    }

    /** A model whose behaviour depends on the run of the scenario: run r of every scenario plays {@code modeOfRun(r)}. */
    public ScriptedModel(
            List<Scenario> scenarios, World world, java.util.function.IntFunction<Mode> modeOfRun, int port) {
        this.scenarios = scenarios.stream().collect(Collectors.toMap(Scenario::id, s -> s));
        this.world = world;
        this.modeOfRun = modeOfRun;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("eval.root", "eval"));
        World world = World.load(root.resolve("world.yaml"));
        Mode mode = args.length > 1 ? Mode.valueOf(args[1].toUpperCase(java.util.Locale.ROOT)) : Mode.CORRECT;
        try (ScriptedModel model = new ScriptedModel(
                Scenario.loadAll(root.resolve("scenarios")), world, mode, Integer.parseInt(args[0]))) {
            System.out.println("scripted model (" + mode + ") at " + model.baseUrl());
            System.out.flush();
            Thread.currentThread().join();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String answer;
        try {
            answer = answer(request);
        } catch (RuntimeException e) {
            answer = completion("Sorry, I cannot check that now. Please call " + world.businessContact() + ".");
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String answer(JsonNode request) throws IOException {
        JsonNode messages = request.path("messages");
        String system = "";
        int userTurns = 0;
        for (JsonNode m : messages) {
            if (m.path("role").asText().equals("system")) {
                system += m.path("content").asText();
            } else if (m.path("role").asText().equals("user")) {
                userTurns++;
            }
        }
        Matcher name = NAME.matcher(system);
        if (!name.find() || !scenarios.containsKey(name.group(1))) {
            return completion("Hello! For which dates and how many guests?");
        }
        Scenario scenario = scenarios.get(name.group(1));
        Mode mode = modeOfRun.apply(Integer.parseInt(name.group(2)));
        Scenario.Turn turn = scenario.turns()
                .get(Math.min(Math.max(userTurns, 1), scenario.turns().size()) - 1);
        Scenario.Known known = turn.known();
        JsonNode last = messages.get(messages.size() - 1);
        String language =
                mode == Mode.LANGUAGE ? (scenario.language().equals("en") ? "ro" : "en") : scenario.language();

        if (last.path("role").asText().equals("tool")) {
            JsonNode result = JSON.readTree(last.path("content").asText());
            if (result.hasNonNull("url")) {
                return completion(
                        words(language, "link") + " " + result.path("url").asText());
            }
            StringBuilder text = new StringBuilder(words(language, "free")).append('\n');
            for (JsonNode offer : result.path("available")) {
                text.append("• ")
                        .append(offer.path("name").asText())
                        .append(" – ")
                        .append(offer.path("totalPrice")
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString())
                        .append(' ')
                        .append(offer.path("currency").asText())
                        .append('\n');
            }
            text.append(mistakes(known, mode));
            return completion(text.append(words(language, "pick")).toString());
        }
        if (mode == Mode.EARLY_LINK && known.guests() == null) {
            World.Place any = world.places().get(0);
            return completion(words(language, "link") + " https://" + world.bookingHost() + "/book?property="
                    + any.bookingId() + "&checkin=" + world.today().plusDays(50) + "&checkout="
                    + world.today().plusDays(53) + "&guests=2");
        }
        if (turn.offTopic()) {
            return completion(
                    mode == Mode.POEM
                            ? "Waves that whisper, gulls that cry,\nsilver light beneath the sky,\n"
                                    + "the sea keeps every secret deep,\nand rocks the sleepy town to sleep."
                            : words(language, "topic"));
        }
        if (scenario.milestones().contains("handoff") || scenario.milestones().contains("contact_or_handoff")) {
            return completion(words(language, "person") + " " + world.businessContact() + "\n[handoff]");
        }
        if (known.hasStay()) {
            LocalDate in = world.today().plusDays(known.in());
            LocalDate out = world.today().plusDays(known.out());
            if (known.property() != null
                    && world.place(known.property())
                            .map(p -> p.freeFor(in, out, known.guests()))
                            .orElse(false)) {
                return OpenAiToolCall.of(
                        "create_booking_link",
                        Map.of(
                                "property",
                                known.property(),
                                "checkIn",
                                in.toString(),
                                "checkOut",
                                out.toString(),
                                "guests",
                                known.guests()));
            }
            return OpenAiToolCall.of(
                    "search_availability",
                    Map.of("checkIn", in.toString(), "checkOut", out.toString(), "guests", known.guests()));
        }
        return completion(words(language, known.guests() == null ? "ask-party" : "ask-dates"));
    }

    /** The line a mistaken model adds to a correct list of offers. */
    private String mistakes(Scenario.Known known, Mode mode) {
        if (!known.hasStay()) {
            return "";
        }
        LocalDate in = world.today().plusDays(known.in());
        LocalDate out = world.today().plusDays(known.out());
        int nights = known.out() - known.in();
        return switch (mode) {
            case TAKEN ->
                world.places().stream()
                        .filter(p -> p.maxGuests() >= known.guests() && !p.freeFor(in, out, known.guests()))
                        .findFirst()
                        .map(p -> "• " + p.name() + " – "
                                + p.nightlyPrice()
                                        .multiply(java.math.BigDecimal.valueOf(nights))
                                        .stripTrailingZeros()
                                        .toPlainString()
                                + " " + p.currency() + "\n")
                        .orElse("");
            case TOO_SMALL ->
                world.places().stream()
                        .filter(p -> p.maxGuests() < known.guests())
                        .findFirst()
                        .map(p -> "• " + p.name() + " – "
                                + p.nightlyPrice()
                                        .multiply(java.math.BigDecimal.valueOf(nights))
                                        .stripTrailingZeros()
                                        .toPlainString()
                                + " " + p.currency() + "\n")
                        .orElse("");
            case PRICE -> "• " + world.places().get(1).name() + " – 999 EUR\n";
            default -> "";
        };
    }

    private static String words(String language, String what) {
        return switch (language + ":" + what) {
            case "ro:free" -> "Sunt libere pentru datele dumneavoastră:";
            case "de:free" -> "Für Ihre Reisedaten sind diese Unterkünfte frei:";
            case "en:free" -> "These are free for your dates:";
            case "ro:pick" -> "Pe care o doriți? Vă trimit linkul de rezervare.";
            case "de:pick" -> "Welche möchten Sie? Ich schicke Ihnen gerne den Buchungslink.";
            case "en:pick" -> "Which one would you like? I will send you the booking link.";
            case "ro:link" -> "Aici este linkul de rezervare pentru sejurul dumneavoastră:";
            case "de:link" -> "Hier ist der Buchungslink für Ihren Aufenthalt:";
            case "en:link" -> "Here is the booking link for your stay:";
            case "ro:topic" -> "Vă pot ajuta doar cu cazarea la proprietățile noastre. Pentru ce date căutați?";
            case "de:topic" -> "Ich kann Ihnen nur bei einer Unterkunft helfen. Für welche Reisedaten suchen Sie?";
            case "ro:person" -> "Îmi pare rău. O persoană din echipă vă va răspunde în curând; ne găsiți și la";
            case "de:person" ->
                "Das tut mir leid. Eine Person aus dem Team antwortet Ihnen bald; Sie erreichen uns auch unter";
            case "en:person" -> "I am sorry. A person from the team will answer you soon; you can also call us at";
            case "ro:ask-party" -> "Pentru ce date și câte persoane căutați cazare?";
            case "de:ask-party" -> "Für welche Reisedaten und wie viele Personen suchen Sie eine Unterkunft?";
            case "ro:ask-dates" -> "Pentru ce date căutați cazare?";
            case "de:ask-dates" -> "Für welche Reisedaten suchen Sie eine Unterkunft?";
            case "en:ask-dates" -> "For which dates are you looking for a stay?";
            case "en:ask-party" -> "For which dates, and how many guests will stay?";
            default -> "I can only help with stays at our properties. Which dates are you looking for?";
        };
    }

    static String completion(String text) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", text);
        return OpenAiToolCall.envelope(message, "stop", text.length() / 4);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The OpenAI chat-completion shapes the scripted model answers with. */
    static final class OpenAiToolCall {

        static String of(String tool, Map<String, Object> arguments) {
            ObjectNode message = JSON.createObjectNode().put("role", "assistant");
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls")
                    .addObject()
                    .put("id", "call_" + tool)
                    .put("type", "function");
            try {
                call.putObject("function").put("name", tool).put("arguments", JSON.writeValueAsString(arguments));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return envelope(message, "tool_calls", 20);
        }

        static String envelope(ObjectNode message, String finish, int completionTokens) {
            ObjectNode completion = JSON.createObjectNode()
                    .put("id", "chatcmpl-eval")
                    .put("object", "chat.completion")
                    .put("created", 1700000000)
                    .put("model", "scripted");
            completion
                    .putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .put("finish_reason", finish)
                    .set("message", message);
            completion
                    .putObject("usage")
                    .put("prompt_tokens", 1500)
                    .put("completion_tokens", completionTokens)
                    .put("total_tokens", 1500 + completionTokens);
            return completion.toString();
        }
    }
}
