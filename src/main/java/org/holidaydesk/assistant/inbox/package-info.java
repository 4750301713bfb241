/**
 * Callbacks stored before the 200, claimed and read into guest messages (each once, by wamid) and delivery statuses;
 * owns the {@code inbox}, {@code guest}, {@code guest_message}, {@code guest_alias} and {@code message_status} tables.
 * Public face: {@link GuestMessages}, {@link GuestLeases}, {@link GuestAliases}, {@link InboxRoute}.
 * Beans the routes call: {@code inboxWriter}, {@code inboxClaims}, {@code guestMessages}, {@code deliveryStatuses}, {@code wakeUps}.
 */
package org.holidaydesk.assistant.inbox;
