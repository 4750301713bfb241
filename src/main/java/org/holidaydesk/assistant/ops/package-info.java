/**
 * What operators see and do: metrics, health, masked logs, the log context, dead-letter and guest endpoints.
 * It may read every package; nothing imports it.
 * Beans the routes call: {@code pipelineStages}, {@code logContext}, {@code replyMetrics}, {@code webhookMetrics}, {@code publicEndpoints}.
 */
package org.holidaydesk.assistant.ops;
