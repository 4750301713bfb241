package org.holidaydesk.assistant.webhook;

import java.time.Instant;

/**
 * A guest stopped or resumed marketing messages from the business ({@code user_preferences}).
 *
 * @param guestAddress the guest ({@code wa_id}, else {@code user_id})
 * @param stopped      true for {@code stop}, false for {@code resume}
 * @param at           when
 */
public record MarketingPreference(String guestAddress, boolean stopped, Instant at) {}
