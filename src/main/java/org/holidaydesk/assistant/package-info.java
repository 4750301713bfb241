/**
 * The service's start: the Spring Boot application that loads the Camel YAML routes of {@code routes/}.
 * Public face: {@link org.holidaydesk.assistant.AssistantApplication}. The features live in the sub-packages;
 * {@code ARCHITECTURE.md} at the repository's root maps them. No route calls it.
 */
package org.holidaydesk.assistant;
