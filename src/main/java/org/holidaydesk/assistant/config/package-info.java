/**
 * Configuration validated at startup, one {@code @ConfigurationProperties} class per concern, with messages that name
 * the environment variable; the H2 URL flags, instance id and row locking the storage code shares; the one JSON and
 * YAML mapper (Jackson 2) every feature uses, {@link JsonMappers}: Boot's own is Jackson 3, which the MCP SDK,
 * LangChain4j and the static helpers cannot take (ARCHITECTURE.md, JSON).
 * Public face: the {@code *Properties} records, {@link AppEnvironment}, {@link H2DatabaseUrl}, {@link RowLocking},
 * {@link JsonMappers}.
 * No route calls it.
 */
package org.holidaydesk.assistant.config;
