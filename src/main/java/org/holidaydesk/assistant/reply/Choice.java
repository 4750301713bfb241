package org.holidaydesk.assistant.reply;

/**
 * An option the guest can tap under a reply: a reply button, or a row of a list message.
 *
 * @param id          what WhatsApp sends back when the guest taps it ({@code button_reply.id} /
 *                    {@code list_reply.id}); when absent or too long the outbox gives it one
 * @param title       what the guest reads on the button or row, in the guest's language
 * @param description a second line under a list row's title; may be null, and reply buttons have none
 */
public record Choice(String id, String title, String description) {

    /** A choice without a description. */
    public Choice(String id, String title) {
        this(id, title, null);
    }
}
