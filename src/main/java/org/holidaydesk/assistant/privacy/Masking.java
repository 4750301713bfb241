package org.holidaydesk.assistant.privacy;

/**
 * How guests' addresses appear in logs and operator views: enough to tell two guests apart and to find
 * one in WhatsApp Manager, never enough to contact them. A phone number keeps its country prefix and its
 * last four digits ({@code +40******1234}); a business-scoped user id keeps its country and its last four
 * characters ({@code RO.************8084}).
 */
public final class Masking {

    private static final int KEEP_END = 4;
    private static final int PHONE_PREFIX = 2;

    private Masking() {}

    public static String recipient(String address) {
        if (address == null || address.isBlank()) {
            return "(none)";
        }
        String value = address.strip();
        String digits = value.startsWith("+") ? value.substring(1) : value;
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            if (digits.length() <= PHONE_PREFIX + KEEP_END) {
                return "+" + stars(digits.length());
            }
            return "+" + digits.substring(0, PHONE_PREFIX) + stars(digits.length() - PHONE_PREFIX - KEEP_END)
                    + digits.substring(digits.length() - KEEP_END);
        }
        int dot = value.indexOf('.');
        String prefix = dot > 0 && dot <= 3 ? value.substring(0, dot + 1) : "";
        String rest = value.substring(prefix.length());
        if (rest.length() <= 2 * KEEP_END) {
            return prefix + stars(rest.length());
        }
        return prefix + stars(rest.length() - KEEP_END) + rest.substring(rest.length() - KEEP_END);
    }

    private static String stars(int count) {
        return "*".repeat(Math.max(count, 0));
    }
}
