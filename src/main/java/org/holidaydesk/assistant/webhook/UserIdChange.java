package org.holidaydesk.assistant.webhook;

import java.time.Instant;

/**
 * Meta's {@code user_changed_user_id} system message: the guest's business-scoped user id changed. The same guest
 * under a new id.
 *
 * @param wamid         Meta's id of the system message
 * @param phoneNumber   the guest's phone number when Meta names it, else null
 * @param oldUserId     the id the guest had
 * @param newUserId     the id the guest has now
 * @param phoneNumberId the business number
 * @param at            when it changed
 */
public record UserIdChange(
        String wamid, String phoneNumber, String oldUserId, String newUserId, String phoneNumberId, Instant at) {}
