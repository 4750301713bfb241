package org.holidaydesk.assistant.reply;

/** An option the guest can tap: a reply button or a list row. {@code description} may be null. */
public record Choice(String id, String title, String description) {
}
