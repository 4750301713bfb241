/**
 * Sending: the outbox, the Cloud API requests and Meta's error-code policy (retry, pace, dead-letter, pause),
 * dead letters, re-engagement templates and splitting long text; owns {@code outbox}, {@code dead_letter}, {@code send_budget}.
 * Public face: {@link Outbox}, {@link ReplyRoute}, {@link Choice}, {@link DeadLetters}.
 * Beans the routes call: {@code outboxClaims}, {@code cloudApiRequests}, {@code sendOutcomes}, {@code outboxResults}, {@code deadLetters}, {@code sendRate}, {@code sendingPause}, {@code reengagement}, {@code outbox}.
 */
package org.holidaydesk.assistant.reply;
