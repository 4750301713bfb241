/**
 * Masking of phone numbers, ids, tokens and message bodies, for logs and notes. Public face: {@link Masking}.
 * It depends on nothing of the service. No route calls it.
 */
package org.holidaydesk.assistant.privacy;
