package org.holidaydesk.assistant.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The house guide as the catalog file has it and as {@code get_house_guide} gives it: a malformed guide is refused
 * with its line, a property's own fact wins over the business's, a fact nobody wrote is listed as not in the guide
 * (never another property's), and no private note is ever in an answer.
 */
class HouseGuideCatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CatalogFile yaml(String text) throws Exception {
        return CatalogFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "inline.yaml");
    }

    private static String problem(String yaml) {
        CatalogFile.Malformed refused = catchThrowableOfType(CatalogFile.Malformed.class, () -> yaml(yaml));
        assertThat(refused).as("the catalog should be refused").isNotNull();
        return refused.getMessage();
    }

    private static final String PROPERTY =
            "  - {id: a, name: Alpha, location: X, rooms: 1, maxGuests: 2, nightlyPrice: 10, currency: RON}\n";

    @Test
    void anUnknownGuideFactIsRefusedWithItsLineAndTheFactsThereAre() {
        String problem = problem("""
                guide:
                  checkIn: From 15:00
                  chekOut: By 11:00
                properties:
                """ + PROPERTY);

        assertThat(problem)
                .startsWith("line 3, column")
                .contains("guide.chekOut", "not a guide fact", "checkOut", "breakfast");
    }

    @Test
    void anEmptyGuideTextIsRefusedWithItsLine() {
        String problem = problem("""
                properties:
                  - id: a
                    name: Alpha
                    location: X
                    rooms: 1
                    maxGuests: 2
                    nightlyPrice: 10
                    currency: RON
                    guide:
                      breakfast: {en: "  "}
                """);

        assertThat(problem).startsWith("line 10").contains("properties[0].guide.breakfast", "empty");
    }

    @Test
    void aLanguageThatIsNotACodeIsRefusedWithItsLine() {
        String problem = problem("""
                guide:
                  parking:
                    english: In the yard.
                properties:
                """ + PROPERTY);

        assertThat(problem).startsWith("line 3").contains("guide.parking", "\"english\" is not a language code");
    }

    @Test
    void theBundledSampleHasAGuideForEveryPropertyWithEveryFact() throws Exception {
        CatalogFile catalog;
        try (InputStream in = getClass().getResourceAsStream("/catalog/properties.yaml")) {
            catalog = CatalogFile.read(in, "catalog/properties.yaml");
        }
        HouseGuides guides = new HouseGuides();
        guides.replaceWith(catalog.guides());

        for (CatalogFile.Entry entry : catalog.properties()) {
            HouseGuides.Answer answer = guides.of(entry.toProperty(), "en");
            assertThat(answer.notInGuide()).as(entry.id() + " lacks").isEmpty();
            assertThat(answer.facts()).containsOnlyKeys(Guide.FACTS.keySet());
            assertThat(JSON.writeValueAsString(answer)).doesNotContain("4711", "2580", "wifiPassword", "doorCode");
        }
    }

    @Test
    void aPropertysOwnFactWinsTheBusinessFillsInAndNoOtherPropertysFactIsGiven() throws Exception {
        CatalogFile catalog = yaml("""
                guide:
                  cancellation: Free up to 14 days before.
                properties:
                  - {id: a, name: Alpha, location: X, rooms: 1, maxGuests: 2, nightlyPrice: 10, currency: RON,
                     guide: {checkIn: {en: From 14:00, ro: De la 14:00}, cancellation: Free up to 30 days before.}}
                  - {id: b, name: Beta, location: Y, rooms: 1, maxGuests: 2, nightlyPrice: 10, currency: RON}
                """);
        HouseGuides guides = new HouseGuides();
        guides.replaceWith(catalog.guides());
        List<org.holidaydesk.assistant.property.Property> properties =
                catalog.properties().stream().map(CatalogFile.Entry::toProperty).toList();

        HouseGuides.Answer alpha = guides.of(properties.get(0), "ro");
        HouseGuides.Answer beta = guides.of(properties.get(1), "ro");
        HouseGuides.Answer business = guides.ofBusiness(properties, "en");

        assertThat(alpha.facts().get("checkIn")).isEqualTo(new HouseGuides.Fact("De la 14:00", "ro", "property"));
        assertThat(alpha.facts().get("cancellation").text()).isEqualTo("Free up to 30 days before.");
        assertThat(beta.facts()).doesNotContainKey("checkIn");
        assertThat(beta.notInGuide()).contains("checkIn", "breakfast");
        assertThat(beta.facts().get("cancellation"))
                .isEqualTo(new HouseGuides.Fact("Free up to 14 days before.", null, "business"));
        assertThat(business.byProperty().get("checkIn"))
                .extracting(HouseGuides.PropertyFact::text)
                .containsExactly("From 14:00", null);
        assertThat(business.notInGuide()).contains("breakfast").doesNotContain("checkIn", "cancellation");
    }

    // ---- no private note in any answer, over generated guides ----

    @Property(tries = 200)
    void noPrivateNoteIsEverInAnAnswer(
            @ForAll("guides") Map<String, Object> guide, @ForAll("languages") String language) throws Exception {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("guide", guide);
        Map<String, Object> property = new LinkedHashMap<>(Map.of(
                "id",
                "a",
                "name",
                "Alpha",
                "location",
                "X",
                "rooms",
                1,
                "maxGuests",
                2,
                "nightlyPrice",
                BigDecimal.TEN,
                "currency",
                "RON"));
        property.put("guide", guide);
        file.put("properties", List.of(property));
        CatalogFile catalog =
                CatalogFile.read(new ByteArrayInputStream(JSON.writeValueAsBytes(file)), "generated.json");
        HouseGuides guides = new HouseGuides();
        guides.replaceWith(catalog.guides());
        List<org.holidaydesk.assistant.property.Property> all =
                catalog.properties().stream().map(CatalogFile.Entry::toProperty).toList();

        @SuppressWarnings("unchecked")
        Map<String, String> secrets = (Map<String, String>) guide.get("private");
        for (HouseGuides.Answer answer : List.of(guides.of(all.get(0), language), guides.ofBusiness(all, language))) {
            String json = JSON.writeValueAsString(answer);
            secrets.forEach(
                    (name, secret) -> assertThat(json).doesNotContain(secret).doesNotContain("\"" + name + "\""));
            assertThat(new GetHouseGuideToolRendering(answer).text())
                    .satisfies(text ->
                            secrets.values().forEach(secret -> assertThat(text).doesNotContain(secret)));
        }
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of("en", "ro", "de", "fr");
    }

    @Provide
    Arbitrary<Map<String, Object>> guides() {
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(12);
        Arbitrary<String> secrets = Arbitraries.strings().numeric().ofLength(6).map(code -> "SECRET-" + code);
        Arbitrary<Map<String, String>> texts = Combinators.combine(words, words, Arbitraries.of("en", "ro", "de"))
                .as((a, b, language) -> Map.of(language, a + " " + b));
        Arbitrary<List<String>> facts = Arbitraries.of(List.copyOf(Guide.FACTS.keySet()))
                .list()
                .uniqueElements()
                .ofMaxSize(Guide.FACTS.size());
        return Combinators.combine(
                        facts,
                        texts.list().ofSize(Guide.FACTS.size()),
                        Arbitraries.maps(Arbitraries.of("doorCode", "wifiPassword", "safeCode"), secrets)
                                .ofMinSize(1))
                .as((chosen, values, secretNotes) -> {
                    Map<String, Object> guide = new LinkedHashMap<>();
                    for (int i = 0; i < chosen.size(); i++) {
                        guide.put(chosen.get(i), values.get(i));
                    }
                    List<Map<String, Object>> questions = new ArrayList<>();
                    questions.add(Map.of("question", values.get(0), "answer", values.get(1)));
                    guide.put("questions", questions);
                    guide.put("private", secretNotes);
                    return guide;
                });
    }

    /** The tool's text rendering of an answer, as a reader of its text content sees it. */
    private record GetHouseGuideToolRendering(HouseGuides.Answer answer) {

        String text() {
            return GetHouseGuideTool.render(answer);
        }
    }
}
