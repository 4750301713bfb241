package org.holidaydesk.assistant.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.holidaydesk.assistant.config.H2TestUrls;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.holidaydesk.assistant.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Replies with choices as the outbox queues them and the Cloud API receives them: reply buttons for 2
 * or 3, a list for 4 to 10, the text alone otherwise, always within Meta's limits and never losing text.
 */
class InteractiveRepliesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUEST = "40712345678";
    private static final String NUMBER = "106540352242922";

    private final CloudApiRequests requests = new CloudApiRequests(new WhatsAppProperties(
            "verify", "secret", false, "token-123", NUMBER, URI.create("https://graph.facebook.com/"), "v24.0"));
    private JdbcTemplate jdbc;
    private Outbox outbox;

    @BeforeEach
    void database() {
        DataSource dataSource = new DriverManagerDataSource(H2TestUrls.inMemory("interactive-" + UUID.randomUUID()));
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        outbox = new Outbox(jdbc);
    }

    @Test
    void twoChoicesGoOutAsTheButtonsFixture() throws Exception {
        outbox.enqueueChoices(
                GUEST,
                GUEST,
                NUMBER,
                "Both are free on those dates. Which one?",
                List.of(
                        new Choice("prop_casa-pescarului", "Casa Pescarului", "Sulina, river view"),
                        new Choice("prop_vila-franceza", "Vila Franceza")),
                "See properties",
                "wamid.in");

        List<OutboundMessage> queued = queued();

        assertThat(queued)
                .singleElement()
                .satisfies(row -> assertThat(row.kind()).isEqualTo(Outbox.INTERACTIVE));
        assertThat(request(queued.get(0)))
                .isEqualTo(JSON.readTree(Fixtures.resource("fixtures/outbound/buttons.json")));
    }

    @Test
    void threeChoicesAreStillButtons() throws Exception {
        outbox.enqueueChoices(
                GUEST,
                GUEST,
                NUMBER,
                "When would you like to arrive?",
                List.of(new Choice("d1", "Friday"), new Choice("d2", "Saturday"), new Choice("d3", "Sunday")),
                "See options",
                "wamid.in");

        JsonNode interactive = request(queued().get(0)).get("interactive");

        assertThat(interactive.get("type").asText()).isEqualTo("button");
        assertThat(interactive.at("/action/buttons"))
                .extracting(b -> b.at("/reply/title").asText())
                .containsExactly("Friday", "Saturday", "Sunday");
    }

    @Test
    void fourToTenChoicesGoOutAsAListBehindTheCallersLabel() throws Exception {
        List<Choice> ten = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> new Choice("prop_" + i, "Casa " + i, "Sulina, " + i + " rooms"))
                .toList();

        outbox.enqueueChoices(
                GUEST, GUEST, NUMBER, "Free from 15 to 20 June for 2:", ten, "Vezi opțiunile", "wamid.in");

        JsonNode request = request(queued().get(0));
        assertThat(request.get("type").asText()).isEqualTo("interactive");
        JsonNode interactive = request.get("interactive");
        assertThat(interactive.get("type").asText()).isEqualTo("list");
        assertThat(interactive.at("/body/text").asText()).isEqualTo("Free from 15 to 20 June for 2:");
        assertThat(interactive.at("/action/button").asText()).isEqualTo("Vezi opțiunile");
        assertThat(interactive.at("/action/sections")).hasSize(1);
        JsonNode rows = interactive.at("/action/sections/0/rows");
        assertThat(rows).hasSize(10);
        assertThat(rows.get(3).get("id").asText()).isEqualTo("prop_4");
        assertThat(rows.get(3).get("title").asText()).isEqualTo("Casa 4");
        assertThat(rows.get(3).get("description").asText()).isEqualTo("Sulina, 4 rooms");
    }

    @Test
    void shortensLongTitlesAtAWordAndKeepsEveryIdUnique() throws Exception {
        String thirty = "Apartament Delta cu vedere lac"; // 30 characters
        outbox.enqueueChoices(
                GUEST,
                GUEST,
                NUMBER,
                "Which one?",
                List.of(
                        new Choice("same", thirty),
                        new Choice("same", thirty + " mare"),
                        new Choice("x".repeat(300), "Vila Franceza")),
                "See options",
                "wamid.in");

        JsonNode buttons = request(queued().get(0)).at("/interactive/action/buttons");

        List<String> titles = texts(buttons, "/reply/title");
        List<String> ids = texts(buttons, "/reply/id");
        assertThat(thirty).hasSize(30);
        assertThat(titles).allSatisfy(title -> assertThat(title.length()).isLessThanOrEqualTo(20));
        assertThat(titles.get(0)).isEqualTo("Apartament Delta cu…");
        assertThat(titles).doesNotHaveDuplicates();
        assertThat(titles.get(2)).isEqualTo("Vila Franceza");
        assertThat(ids)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id.length()).isLessThanOrEqualTo(256));
        assertThat(ids.get(0)).isEqualTo("same");
        assertThat(ids.get(1)).isEqualTo("choice_2");
        assertThat(ids.get(2)).isEqualTo("choice_3");
    }

    @Test
    void keepsListRowsWithinTheirLimitsAndGivesChoicesWithoutIdsOne() throws Exception {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(
                null,
                "Casa Pescarului de pe malul Dunării",
                "Sulina, river view, 350 RON/night, "
                        + "breakfast included, parking in the yard, pets welcome on request"));
        choices.add(new Choice("choice_1", "Vila Franceza", null));
        choices.add(new Choice(" ", "Pensiunea Delta", ""));
        choices.add(new Choice("r".repeat(201), "Casa Verde", "Garden"));

        outbox.enqueueChoices(
                GUEST,
                GUEST,
                NUMBER,
                "Free from 15 to 20 June for 2:",
                choices,
                "See all the available properties",
                "wamid.in");

        JsonNode interactive = request(queued().get(0)).get("interactive");
        JsonNode rows = interactive.at("/action/sections/0/rows");
        assertThat(interactive.at("/action/button").asText())
                .hasSizeLessThanOrEqualTo(20)
                .endsWith("…");
        assertThat(texts(rows, "/title"))
                .allSatisfy(title -> assertThat(title.length()).isLessThanOrEqualTo(24));
        assertThat(rows.get(0).get("title").asText()).isEqualTo("Casa Pescarului de pe…");
        assertThat(rows.get(0).get("description").asText())
                .hasSizeLessThanOrEqualTo(72)
                .endsWith("…")
                .startsWith("Sulina, river view, 350 RON/night");
        assertThat(rows.get(1).has("description")).isFalse();
        assertThat(rows.get(2).has("description")).isFalse();
        assertThat(texts(rows, "/id")).containsExactly("choice_1_2", "choice_1", "choice_3", "choice_4");
    }

    @Test
    void neverCutsASurrogatePairInHalf() throws Exception {
        outbox.enqueueChoices(
                GUEST,
                GUEST,
                NUMBER,
                "Pick one",
                List.of(new Choice("a", "🏖".repeat(15)), new Choice("b", "Plaja 🏖🏖🏖🏖🏖🏖🏖🏖")),
                "See options",
                "wamid.in");

        List<String> titles = texts(request(queued().get(0)).at("/interactive/action/buttons"), "/reply/title");

        assertThat(titles).allSatisfy(title -> {
            assertThat(title.length()).isLessThanOrEqualTo(20);
            assertThat(pairedSurrogates(title)).as("surrogates of %s", title).isTrue();
        });
        assertThat(titles.get(0)).isEqualTo("🏖".repeat(9) + "…");
    }

    @Test
    void elevenChoicesGoAsThePlainText() {
        List<Choice> eleven = IntStream.rangeClosed(1, 11)
                .mapToObj(i -> new Choice("p" + i, "Casa " + i))
                .toList();

        outbox.enqueueChoices(
                GUEST, GUEST, NUMBER, "We have eleven free properties.", eleven, "See options", "wamid.in");

        assertThat(queued()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(Outbox.TEXT);
            assertThat(row.body()).isEqualTo("We have eleven free properties.");
            assertThat(row.inReplyTo()).isEqualTo("wamid.in");
        });
    }

    @Test
    void oneChoiceOrNoneGoesAsThePlainText() {
        outbox.enqueueChoices(
                GUEST,
                GUEST,
                NUMBER,
                "Only Casa Pescarului is free.",
                List.of(new Choice("p1", "Casa Pescarului")),
                "See options",
                "wamid.in");
        outbox.enqueueChoices(GUEST, GUEST, NUMBER, "Nothing is free then.", List.of(), null, "wamid.in");
        outbox.enqueueChoices(GUEST, GUEST, NUMBER, "Nothing at all.", null, null, "wamid.in");
        outbox.enqueueChoices(
                GUEST,
                GUEST,
                NUMBER,
                "Untitled choices do not count.",
                List.of(new Choice("p1", "Casa"), new Choice("p2", " ")),
                null,
                "wamid.in");

        assertThat(queued()).extracting(OutboundMessage::kind).containsOnly(Outbox.TEXT);
        assertThat(queued())
                .extracting(OutboundMessage::body)
                .containsExactly(
                        "Only Casa Pescarului is free.",
                        "Nothing is free then.",
                        "Nothing at all.",
                        "Untitled choices do not count.");
    }

    @Test
    void aLongTextGoesFirstAndItsLastParagraphCarriesTheChoices() throws Exception {
        String details = "Casa Pescarului sits on the Danube in Sulina, with a river view. "
                .repeat(20)
                .strip();
        String more = "Vila Franceza has a garden, two rooms and parking in the yard. "
                .repeat(20)
                .strip();
        String text = details + "\n\n" + more + "\n\nWhich one would you like?";

        outbox.enqueueChoices(
                GUEST,
                GUEST,
                NUMBER,
                text,
                List.of(new Choice("p1", "Casa Pescarului"), new Choice("p2", "Vila Franceza")),
                "See options",
                "wamid.in");

        List<OutboundMessage> queued = queued();
        assertThat(text.length()).isGreaterThan(1024);
        assertThat(queued).extracting(OutboundMessage::kind).containsExactly(Outbox.TEXT, Outbox.INTERACTIVE);
        assertThat(queued.get(0).body()).isEqualTo(details + "\n\n" + more);
        assertThat(request(queued.get(1)).at("/interactive/body/text").asText()).isEqualTo("Which one would you like?");
    }

    @Test
    void aLongLastParagraphKeepsItsEndAndLosesNothing() throws Exception {
        String text =
                "Casa Pescarului sits on the Danube in Sulina. ".repeat(150).strip(); // one paragraph, 6,900 characters

        outbox.enqueueChoices(
                GUEST,
                GUEST,
                NUMBER,
                text,
                List.of(new Choice("p1", "Casa Pescarului"), new Choice("p2", "Vila Franceza")),
                "See options",
                "wamid.in");

        List<OutboundMessage> queued = queued();
        assertThat(queued)
                .extracting(OutboundMessage::kind)
                .containsExactly(Outbox.TEXT, Outbox.TEXT, Outbox.INTERACTIVE);
        assertThat(queued.subList(0, 2))
                .allSatisfy(row -> assertThat(row.body().length()).isLessThanOrEqualTo(4096));
        String body = request(queued.get(2)).at("/interactive/body/text").asText();
        assertThat(body.length()).isBetween(512, 1024);
        assertThat(body).startsWith("Casa Pescarului").endsWith("in Sulina.");
        String whole = String.join(" ", queued.get(0).body(), queued.get(1).body(), body);
        assertThat(whole).isEqualTo(text);
    }

    @Test
    void refusesChoicesWithoutATextOrAListWithoutItsLabel() {
        List<Choice> four = IntStream.rangeClosed(1, 4)
                .mapToObj(i -> new Choice("p" + i, "Casa " + i))
                .toList();

        assertThatThrownBy(() -> outbox.enqueueChoices(GUEST, GUEST, NUMBER, " ", four.subList(0, 2), null, "wamid.in"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.enqueueChoices(GUEST, GUEST, NUMBER, "Which one?", four, " ", "wamid.in"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label");
        assertThat(queued()).isEmpty();
    }

    @Test
    void anInteractiveRowNeverPrintsItsBodyOrTheGuestsNumber() {
        outbox.enqueueChoices(
                GUEST,
                GUEST,
                NUMBER,
                "Both are free on those dates. Which one?",
                List.of(new Choice("p1", "Casa Pescarului"), new Choice("p2", "Vila Franceza")),
                null,
                "wamid.in");

        String printed = queued().get(0).toString();

        assertThat(printed)
                .contains("interactive")
                .contains("+40*****5678")
                .doesNotContain(GUEST)
                .doesNotContain("Casa Pescarului")
                .doesNotContain("Which one");
    }

    private List<OutboundMessage> queued() {
        return jdbc.query(
                "SELECT id, guest_id, recipient, phone_number_id, kind, body, in_reply_to, attempts FROM outbox"
                        + " ORDER BY id",
                (rs, i) -> new OutboundMessage(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8),
                        false));
    }

    private JsonNode request(OutboundMessage row) throws Exception {
        return JSON.readTree(requests.body(row));
    }

    private static List<String> texts(JsonNode array, String pointer) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.at(pointer).asText())
                .toList();
    }

    private static boolean pairedSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
