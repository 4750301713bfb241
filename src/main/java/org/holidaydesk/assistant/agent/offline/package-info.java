/**
 * The assistant without a language model: answers from the property tools and the house guide in the guest's
 * language (a file each under {@code language/}: English, Romanian, German), remembering what the guest told so far. Public face: {@link OfflineAgent}, {@link GuestContexts}.
 * How a guest's words are read is {@code offline.reading}; what the answers say is {@code Wording} and {@code PlaceWording}.
 * Beans the routes call: {@code jdbcGuestContexts} (retention).
 */
package org.holidaydesk.assistant.agent.offline;
