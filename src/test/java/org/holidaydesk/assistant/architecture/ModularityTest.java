package org.holidaydesk.assistant.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature packages depend on each other one way, down the flow: {@code config}, {@code privacy} and
 * {@code spelling} at the bottom, {@code property} beside them, the payload model ({@code webhook}) knowing nothing of
 * what handles it, the assistant ({@code agent}, {@code memory}) reaching the catalog only through the
 * MCP tools, and {@code ops} reading everything while nothing reads it. Inside {@code agent} the same holds
 * by job: the turn's types at its root use none of its rooms, the rooms depend on each other one way, the
 * offline agent's reader knows nothing of the language model, and the model nothing of the offline agent.
 */
class ModularityTest {

    private static final String BASE = "org.holidaydesk.assistant.";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // not the build's ahead-of-time bean definitions (Type__BeanDefinitions, ...): generated code
                // that registers every bean, whatever its package, from the application's root
                .withImportOption(location -> !location.contains("__"))
                .importPackages("org.holidaydesk.assistant");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(BASE + "(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingDependsOnOperations() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + "ops..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + "ops..")
                .check(classes);
    }

    @Test
    void configurationPrivacyAndSpellingDependOnNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(BASE + "config..", BASE + "privacy..", BASE + "spelling..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features("config", "privacy", "spelling"))
                .check(classes);
    }

    @Test
    void thePayloadModelKnowsNothingOfWhatHandlesIt() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "webhook..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features("webhook", "config", "privacy"))
                .check(classes);
    }

    @Test
    void thePropertyCatalogStandsAlone() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "property..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features("property", "config", "privacy", "spelling"))
                .check(classes);
    }

    @Test
    void theAssistantReachesPropertiesOnlyThroughTheMcpTools() {
        noClasses()
                .that()
                .resideInAnyPackage(BASE + "agent..", BASE + "memory..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + "property..")
                .check(classes);
    }

    @Test
    void memoryKnowsNothingOfTheAgentOrThePipeline() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "memory..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + "agent..", BASE + "inbox..", BASE + "reply..", BASE + "webhook..", BASE + "simulator..")
                .check(classes);
    }

    @Test
    void sendingKnowsNothingOfHowAnswersAreMade() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "reply..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + "agent..", BASE + "memory..", BASE + "inbox..", BASE + "webhook..", BASE + "simulator..")
                .check(classes);
    }

    @Test
    void theFunnelKnowsNothingOfHowAnswersAreMadeOrReceived() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "funnel..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE + "agent..", BASE + "memory..", BASE + "inbox..", BASE + "simulator..")
                .check(classes);
    }

    @Test
    void theAgentsRoomsHaveNoCycles() {
        slices().matching(BASE + "agent.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theTurnsTypesDependOnNoRoomOfTheAgent() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "agent")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + "agent.*..")
                .check(classes);
    }

    @Test
    void theOfflineReaderKnowsNothingOfTheModel() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "agent.offline.reading..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + "agent.model..", BASE + "agent.turn..", BASE + "agent.intents..", BASE + "agent.offline")
                .check(classes);
    }

    @Test
    void theModelKnowsNothingOfTheOfflineAgent() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "agent.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE + "agent.offline..", BASE + "agent.turn..", BASE + "agent.intents..")
                .check(classes);
    }

    /** Every feature package except those named (and the classes at the root, which start the service). */
    private static String[] features(String... allowed) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(
                "agent",
                "config",
                "funnel",
                "inbox",
                "memory",
                "ops",
                "privacy",
                "property",
                "reply",
                "simulator",
                "spelling",
                "webhook"));
        all.removeAll(java.util.List.of(allowed));
        return all.stream().map(p -> BASE + p + "..").toArray(String[]::new);
    }
}
