/**
 * Meta's callback: the servlet at {@code /webhooks/whatsapp} that runs its routes on the request's thread,
 * signature verification over the raw bytes, the payload model (records) and its parsing into
 * messages, statuses and errors. It knows nothing of what handles them.
 * Public face: {@link CallbackParser}, {@link InboundMessage}, {@link DeliveryStatus}, {@link MessageKind}.
 * Beans the routes call: {@code callbackGate}, {@code callbackParser}.
 */
package org.holidaydesk.assistant.webhook;
