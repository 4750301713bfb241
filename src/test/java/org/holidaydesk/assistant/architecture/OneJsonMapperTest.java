package org.holidaydesk.assistant.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.holidaydesk.assistant.config.JsonMappers;
import org.junit.jupiter.api.Test;

/**
 * The service's own code builds no Jackson 2 mapper besides {@link JsonMappers}'s: no {@code new ObjectMapper()},
 * no {@code JsonMapper.builder()} or {@code YAMLMapper.builder()}, no {@code copy()}, so that one configuration
 * holds everywhere (ARCHITECTURE.md, JSON).
 */
class OneJsonMapperTest {

    @Test
    void onlyJsonMappersBuildsAMapper() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(JsonMappers.class.getName())
                .should()
                .callCodeUnitWhere(target(owner(assignableTo(ObjectMapper.class)))
                        .and(target(nameMatching("<init>|builder|copy|registerModule|configure|enable|disable"))))
                .because("every feature shares the mappers of config/JsonMappers")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.holidaydesk.assistant"));
    }
}
