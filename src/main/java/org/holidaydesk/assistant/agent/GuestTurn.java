package org.holidaydesk.assistant.agent;

import java.time.LocalDate;
import java.util.List;

/**
 * What a guest said since their last answer.
 *
 * @param guestId      the guest's id: the WhatsApp id, or the business-scoped user id when there is none;
 *                     the only key of the guest's memory
 * @param displayName  the profile name, possibly null
 * @param languageHint a language code ("en", "ro") guessed from earlier turns, possibly null
 * @param messages     the turn's messages, oldest first
 * @param today        the business's today, for relative dates ("next month")
 */
public record GuestTurn(
        String guestId, String displayName, String languageHint, List<TurnMessage> messages, LocalDate today) {

    public GuestTurn {
        messages = List.copyOf(messages);
    }

    /** The text of every message that carries text, one per line. */
    public String text() {
        return String.join(
                "\n",
                messages.stream()
                        .map(TurnMessage::text)
                        .filter(t -> t != null && !t.isBlank())
                        .toList());
    }
}
