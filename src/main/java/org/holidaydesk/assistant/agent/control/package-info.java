/**
 * Living beside Meta Business Agent and the WhatsApp Business app on one number: who answers a guest's conversation
 * ({@link ThreadControl}: {@code standby}, {@code messaging_handovers}, an operator's takeover), what a guest or the
 * owner changed afterwards ({@link MessageChanges}: edits and revokes), and a guest's new business-scoped user id
 * ({@link GuestIdentity}). Beans the routes call: {@code threadControl}, {@code messageChanges}, {@code guestIdentity}.
 */
package org.holidaydesk.assistant.agent.control;
