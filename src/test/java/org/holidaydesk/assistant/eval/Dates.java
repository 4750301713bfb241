package org.holidaydesk.assistant.eval;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as guests of each language write them, and the calendar days a reply's text names. */
final class Dates {

    private static final String[] EN = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december"
    };
    private static final String[] RO = {
        "ianuarie",
        "februarie",
        "martie",
        "aprilie",
        "mai",
        "iunie",
        "iulie",
        "august",
        "septembrie",
        "octombrie",
        "noiembrie",
        "decembrie"
    };
    private static final String[] DE = {
        "januar",
        "februar",
        "marz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember"
    };
    private static final String MONTH =
            "(" + String.join("|", all()) + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez|ian|iun|iul)\\b";
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})\\.?(?:\\s*(?:[-–—]|to|bis|pana la|până la)\\s*(\\d{1,2})\\.?)?\\s+(?:of\\s+)?" + MONTH);
    private static final Pattern MONTH_DAY =
            Pattern.compile(MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s*[-–—]\\s*(\\d{1,2})\\b)?");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})(?:[./](\\d{2,4}))?\\b");

    private Dates() {}

    /** {@code date} as a guest writing {@code language} writes it: "January 26", "26 ianuarie", "26. Januar". */
    static String write(LocalDate date, String language) {
        int month = date.getMonthValue() - 1;
        return switch (language) {
            case "ro" -> date.getDayOfMonth() + " " + RO[month];
            case "de" -> date.getDayOfMonth() + ". " + capitalised(month == 2 ? "märz" : DE[month]);
            default -> capitalised(EN[month]) + " " + date.getDayOfMonth();
        };
    }

    /** The calendar days (month and day) a text names, in any of the three languages or as ISO or d.m dates. */
    static List<MonthDay> named(String text) {
        String plain = plain(text);
        List<MonthDay> days = new ArrayList<>();
        Matcher m = DAY_MONTH.matcher(plain);
        while (m.find()) {
            int month = month(m.group(3));
            add(days, month, m.group(1));
            add(days, month, m.group(2));
        }
        m = MONTH_DAY.matcher(plain);
        while (m.find()) {
            int month = month(m.group(1));
            add(days, month, m.group(2));
            add(days, month, m.group(3));
        }
        m = ISO.matcher(plain);
        while (m.find()) {
            add(days, Integer.parseInt(m.group(2)), m.group(3));
        }
        m = NUMERIC.matcher(plain);
        while (m.find()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                add(days, month, m.group(1));
            }
        }
        return days;
    }

    /** Lower case without diacritics, for matching in any of the languages. */
    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static void add(List<MonthDay> days, int month, String day) {
        if (day == null || month < 1) {
            return;
        }
        int d = Integer.parseInt(day);
        if (d >= 1 && d <= 31) {
            try {
                days.add(MonthDay.of(month, d));
            } catch (java.time.DateTimeException ignored) {
                // "31 February" is no day
            }
        }
    }

    private static int month(String word) {
        for (String[] names : new String[][] {EN, RO, DE}) {
            for (int i = 0; i < 12; i++) {
                if (names[i].equals(word) || (word.length() >= 3 && names[i].startsWith(word))) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static List<String> all() {
        List<String> names = new ArrayList<>();
        for (String[] list : new String[][] {EN, RO, DE}) {
            for (String n : list) {
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        }
        names.sort((a, b) -> b.length() - a.length());
        return names;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
