/**
 * The booking funnel and what messages cost: tracked booking links ({@code /b/{token}}), answers offering a free
 * property, links sent and opened per property and day, and Meta's pricing of each sent message; owns
 * {@code booking_link}, {@code booking_funnel_day}, {@code billed_message}, {@code billing_conversation}.
 * Public face: {@link TrackedLinks}, {@link BookingFunnel}, {@link FunnelRoute}.
 * Beans the routes call: {@code trackedLinks}, {@code billableMessages}, {@code bookingFunnel}.
 */
package org.holidaydesk.assistant.funnel;
