/**
 * Configuration validated at startup, one {@code @ConfigurationProperties} class per concern, with messages that name
 * the environment variable; the H2 URL flags, instance id and row locking the storage code shares.
 * Public face: the {@code *Properties} records, {@link AppEnvironment}, {@link H2DatabaseUrl}, {@link RowLocking}.
 * No route calls it.
 */
package org.holidaydesk.assistant.config;
