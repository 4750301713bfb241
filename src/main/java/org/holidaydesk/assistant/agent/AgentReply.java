package org.holidaydesk.assistant.agent;

import java.util.List;
import org.holidaydesk.assistant.reply.Choice;

/**
 * What the agent answers: text parts in WhatsApp formatting, sent in order (a part over 4096 characters
 * is split by the reply side), the language the answer is in, the options the guest can tap under the
 * last part (reply buttons for 2–3, a list for 4–10; none for a plain answer), and whether the turn needs
 * a person (a complaint, a request the tools cannot serve). For the booking funnel it also says which
 * properties it offered as free, the booking page its last part leads to (sent as a button under it, never as
 * a raw address), and the dates a calendar could ask for (the date picker, when one is published).
 */
public record AgentReply(
        List<String> parts,
        String language,
        List<Choice> choices,
        boolean needsPerson,
        List<String> offered,
        BookingButton booking,
        DatePicker dates) {

    public AgentReply {
        parts = List.copyOf(parts);
        choices = choices == null ? List.of() : List.copyOf(choices);
        offered = offered == null ? List.of() : List.copyOf(offered);
    }

    public AgentReply(List<String> parts, String language, List<Choice> choices, boolean needsPerson) {
        this(parts, language, choices, needsPerson, List.of(), null, null);
    }

    public AgentReply(List<String> parts, String language, List<Choice> choices) {
        this(parts, language, choices, false);
    }

    public AgentReply(List<String> parts, String language) {
        this(parts, language, List.of(), false);
    }

    public static AgentReply of(String language, String... parts) {
        return new AgentReply(List.of(parts), language);
    }

    /** The same answer with what it offered, the booking page it leads to and the dates a calendar could ask for. */
    public AgentReply withFunnel(List<String> offeredProperties, BookingButton bookingPage, DatePicker datePicker) {
        return new AgentReply(parts, language, choices, needsPerson, offeredProperties, bookingPage, datePicker);
    }
}
