package org.holidaydesk.assistant.agent.tools;

import java.util.List;

/**
 * Properties with tags, amenities and descriptions in both languages, as a business's catalog has them,
 * for the rule tests that ask about places rather than dates.
 */
public final class SampleCatalog {

    public static final PropertyTools.PropertySummary CASA = FakePropertyTools.summary(
            "casa-pescarului",
            "Casa Pescarului",
            "Sfântu Gheorghe, Danube Delta",
            6,
            450,
            2,
            List.of("family", "nature", "sea", "pet-friendly"),
            List.of("wifi", "kitchen", "boat trips", "parking"));
    public static final PropertyTools.PropertySummary VILA = FakePropertyTools.summary(
            "vila-franceza",
            "Vila Franceza",
            "Sinaia, Prahova Valley",
            10,
            1200,
            2,
            List.of("family", "groups", "mountains", "ski"),
            List.of("wifi", "fireplace", "sauna", "parking"));
    public static final PropertyTools.PropertySummary BRADUL = FakePropertyTools.summary(
            "cabana-bradul",
            "Cabana Bradul",
            "Bran, Brașov County",
            2,
            380,
            1,
            List.of("romantic", "couples", "mountains", "pet-friendly"),
            List.of("wifi", "fireplace", "hot tub"));
    public static final PropertyTools.PropertySummary CONACUL = FakePropertyTools.summary(
            "conacul-viilor",
            "Conacul Viilor",
            "Dealu Mare wine region",
            8,
            900,
            3,
            List.of("romantic", "wine", "groups"),
            List.of("wifi", "pool", "kitchen", "parking"));
    public static final PropertyTools.PropertySummary LAC = FakePropertyTools.summary(
            "casa-de-pe-lac",
            "Casa de pe Lac",
            "Snagov",
            4,
            600,
            1,
            List.of("family", "lake", "pet-friendly"),
            List.of("wifi", "kayaks", "jetty", "parking"));

    private SampleCatalog() {}

    /** Fake tools over the sample catalog, each property with a description in English and Romanian. */
    public static FakePropertyTools tools() {
        FakePropertyTools tools = new FakePropertyTools();
        tools.catalog = List.of(CASA, VILA, BRADUL, CONACUL, LAC);
        tools.details = property -> FakePropertyTools.details(
                tools.catalog.stream()
                        .filter(p -> p.name().equalsIgnoreCase(property.strip()) || p.id().equals(property.strip()))
                        .findFirst()
                        .orElseThrow(() -> new ToolRefusedException(
                                "get_property",
                                "There is no property called \"" + property
                                        + "\". The closest names are \"Casa Pescarului\".")),
                new PropertyTools.Description(
                        "A place called " + property + " in English.", "Un loc numit " + property + " în română."));
        return tools;
    }
}
