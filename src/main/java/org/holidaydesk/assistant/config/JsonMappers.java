package org.holidaydesk.assistant.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The service's own JSON and YAML mappers (Jackson 2, the line LangChain4j, Camel's JSON data format and the MCP SDK
 * use), one configuration for every bean and static helper: {@code java.time} values as ISO strings, fields a reader
 * does not know ignored. Both are immutable after construction and shared by all threads; a reader that must be
 * stricter (the catalog file) derives an {@code ObjectReader} with the feature enabled, leaving these as they are.
 * Spring MVC and the actuator keep Spring Boot's own Jackson 3 mapper (ARCHITECTURE.md, JSON).
 */
public final class JsonMappers {

    /** JSON: Cloud API requests and answers, interactive messages, traces, tool arguments and results, Mem0. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** YAML with the same configuration: the catalog file and the language files. */
    public static final YAMLMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonMappers() {}
}
