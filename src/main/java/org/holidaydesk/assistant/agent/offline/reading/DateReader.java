package org.holidaydesk.assistant.agent.offline.reading;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.agent.language.Languages;
import org.holidaydesk.assistant.agent.language.PlainText;

/**
 * Reads when a guest wants to stay from their words, in every language file's words (month names, "next month",
 * "until", nights: {@code reading.months}, {@code reading.dates}), relative to the business's
 * today: exact dates in the usual forms ("June 15 to June 20", "15-20 iunie", "15.06-20.06", "2026-07-10",
 * "10/07/2026"), relative ones ("tomorrow", "mâine", "this weekend", "next month", "luna viitoare") and a
 * length of stay ("for 3 nights", "o săptămână"). Numeric dates are day first, as guests write them here.
 * A date without a year that is already past this year means next year; a check-out that would fall
 * before its check-in belongs to the year after.
 */
final class DateReader {

    /**
     * What the words say about the stay; every part may be missing.
     *
     * @param checkIn  the arrival day
     * @param checkOut the departure day
     * @param month    a whole month asked about ("next month", "in July"), only when there is no arrival day
     * @param nights   a length of stay given in nights or weeks
     */
    record Dates(LocalDate checkIn, LocalDate checkOut, YearMonth month, Integer nights, DayRange days) {

        static final Dates NONE = new Dates(null, null, null, null, null);

        boolean isEmpty() {
            return checkIn == null && checkOut == null && month == null && nights == null;
        }
    }

    private static final Languages WORDS = Languages.all();
    private static final Map<String, Integer> MONTHS = new LinkedHashMap<>();

    static {
        for (int month = 1; month <= 12; month++) {
            for (String name : WORDS.words("reading.months." + month)) {
                MONTHS.putIfAbsent(name, month);
            }
        }
    }

    /** Month names as alternatives, longest first so that "june" wins over "jun". */
    static final String MONTH_WORDS = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .collect(Collectors.joining("|"));

    private static final String MONTH = "(" + MONTH_WORDS + ")\\.?";
    /** Full month names that are also everyday words, never read as a month without a day number. */
    private static final List<String> AMBIGUOUS_MONTHS = WORDS.words("reading.ambiguousMonths");
    /** "15th", and the German "15." */
    private static final String ORDINAL = "(?:st|nd|rd|th|\\.)?";

    private static final String UNTIL = "(?:" + WORDS.alternatives("reading.dates.until") + ")";
    /** Romanian "mai" is also "more": "2 mai ieftine" is no date. */
    private static final String EVERYDAY_MAI =
            "(?!\\s+(?:mult|multe|multi|putin|putine|ieftin|ieftina|ieftine|mare|mari|"
                    + "mic|mica|mici|bine|departe|devreme|tarziu|aproape))";

    private static final String NOT_A_PARTY = "(?!\\s*(?:" + WORDS.alternatives("reading.party.people") + "|"
            + WORDS.alternatives("reading.party.adults") + "|" + WORDS.alternatives("reading.party.children") + "|"
            + WORDS.alternatives("reading.dates.nights") + "))";

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern DAY_MONTH_YEAR_DASHED = Pattern.compile("\\b(\\d{1,2})-(\\d{1,2})-(\\d{4})\\b");
    private static final Pattern DAY_RANGE_MONTH = Pattern.compile("\\b(\\d{1,2})" + ORDINAL + "\\s*" + UNTIL
            + "\\s*(?:the\\s+)?(\\d{1,2})" + ORDINAL + "\\s*(?:of\\s+)?" + MONTH + "(?:\\s+(\\d{4}))?\\b");
    private static final Pattern MONTH_DAY_RANGE = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})" + ORDINAL + "\\s*"
            + UNTIL + "\\s*(\\d{1,2})" + ORDINAL + "\\b" + NOT_A_PARTY + "(?:,?\\s+(\\d{4}))?");
    /**
     * Days without a month, "what about the 20th to the 23rd?", "din 20 până pe 23", "vom 20. bis 23.": a follow-up
     * whose month is the conversation's.
     */
    private static final Pattern DAYS_ONLY = Pattern.compile("\\b(?:the|from|din|de la|vom|between|intre)\\s+(\\d{1,2})"
            + ORDINAL + "\\s*" + UNTIL + "\\s*(?:the\\s+)?(\\d{1,2})" + ORDINAL + "(?![./]?\\d)" + NOT_A_PARTY);
    /** "15.-20.6.", "15-20.06.2027": a range of days in one numeric month. */
    private static final Pattern DAY_RANGE_NUMERIC = Pattern.compile(
            "(?<![./\\d])(\\d{1,2})\\.?\\s*-\\s*(\\d{1,2})[./](\\d{1,2})" + "(?:[./](\\d{4}))?\\b\\.?(?![./]?\\d)");

    private static final Pattern NUMERIC =
            Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})(?:[./](\\d{4}|\\d{2}))?\\b(?![./]\\d)");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})" + ORDINAL + "\\s*(?:of\\s+)?" + MONTH + EVERYDAY_MAI + "(?:\\s+(\\d{4}))?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b" + MONTH + "\\s+(?:the\\s+)?(\\d{1,2})" + ORDINAL + "\\b" + NOT_A_PARTY + "(?:,?\\s+(\\d{4}))?");
    private static final Pattern IN_MONTH = Pattern.compile("\\b(?:" + WORDS.alternatives("reading.dates.inMonth")
            + ")\\s+(?:(?:the\\s+)?month\\s+of\\s+)?" + MONTH + EVERYDAY_MAI + "(?:\\s+(\\d{4}))?\\b");
    private static final Pattern BARE_MONTH = Pattern.compile("\\b" + MONTH + "(?:\\s+(\\d{4}))?\\b");

    private static final Pattern NEXT_MONTH = phrases("reading.dates.nextMonth", true);
    private static final Pattern THIS_MONTH = phrases("reading.dates.thisMonth", true);
    private static final Pattern NEXT_WEEKEND = phrases("reading.dates.nextWeekend", true);
    /** "weekend", "weekendul", "wochenende": a prefix */
    private static final Pattern WEEKEND = phrases("reading.dates.weekend", false);

    private static final Pattern DAY_AFTER_TOMORROW = phrases("reading.dates.dayAfterTomorrow", true);
    private static final Pattern TOMORROW = phrases("reading.dates.tomorrow", true);
    private static final Pattern TODAY = phrases("reading.dates.today", true);

    private static final String COUNT = NumberWords.NUMBER_OR_ARTICLE;
    private static final Pattern NIGHTS =
            Pattern.compile("\\b" + COUNT + "\\s*(?:" + WORDS.alternatives("reading.dates.nights") + ")\\b");
    private static final Pattern WEEKS =
            Pattern.compile("\\b" + COUNT + "\\s*(?:" + WORDS.alternatives("reading.dates.weeks") + ")\\b");

    private DateReader() {}

    /** One word list of every language as a pattern; {@code whole} ends it at a word's end. */
    private static Pattern phrases(String path, boolean whole) {
        return Pattern.compile("\\b(?:" + WORDS.alternatives(path) + ")" + (whole ? "\\b" : ""));
    }

    static Dates read(PlainText text, LocalDate today) {
        StringBuilder rest = new StringBuilder(text.value());
        List<Mention> mentions = new ArrayList<>();
        take(rest, ISO, m -> List.of(new Mention(m.start(), day(m, 3), month(m, 2), year(m, 1))), mentions);
        take(
                rest,
                DAY_MONTH_YEAR_DASHED,
                m -> List.of(new Mention(m.start(), day(m, 1), month(m, 2), year(m, 3))),
                mentions);
        take(
                rest,
                DAY_RANGE_MONTH,
                m -> List.of(
                        new Mention(m.start(), day(m, 1), monthName(m, 3), year(m, 4)),
                        new Mention(m.start() + 1, day(m, 2), monthName(m, 3), year(m, 4))),
                mentions);
        take(
                rest,
                MONTH_DAY_RANGE,
                m -> List.of(
                        new Mention(m.start(), day(m, 2), monthName(m, 1), year(m, 4)),
                        new Mention(m.start() + 1, day(m, 3), monthName(m, 1), year(m, 4))),
                mentions);
        take(
                rest,
                DAY_RANGE_NUMERIC,
                m -> List.of(
                        new Mention(m.start(), day(m, 1), month(m, 3), year(m, 4)),
                        new Mention(m.start() + 1, day(m, 2), month(m, 3), year(m, 4))),
                mentions);
        take(rest, NUMERIC, m -> List.of(new Mention(m.start(), day(m, 1), month(m, 2), year(m, 3))), mentions);
        take(rest, DAY_MONTH, m -> List.of(new Mention(m.start(), day(m, 1), monthName(m, 2), year(m, 3))), mentions);
        take(
                rest,
                MONTH_DAY,
                m -> "mai".equals(m.group(1))
                        ? List.of()
                        : List.of(new Mention(m.start(), day(m, 2), monthName(m, 1), year(m, 3))),
                mentions);
        mentions.removeIf(mention -> !mention.valid());
        mentions.sort(Comparator.comparingInt(Mention::position));

        Integer nights = nights(rest.toString());
        LocalDate checkIn = null;
        LocalDate checkOut = null;
        if (!mentions.isEmpty()) {
            checkIn = mentions.get(0).onOrAfter(today);
            if (mentions.size() > 1) {
                checkOut = mentions.get(1).after(checkIn);
            }
        } else {
            String words = rest.toString();
            if (NEXT_WEEKEND.matcher(words).find()) {
                checkIn = friday(today).plusWeeks(1);
                checkOut = checkIn.plusDays(2);
            } else if (WEEKEND.matcher(words).find()) {
                checkIn = friday(today);
                checkOut = checkIn.plusDays(2);
            } else if (DAY_AFTER_TOMORROW.matcher(words).find()) {
                checkIn = today.plusDays(2);
            } else if (TOMORROW.matcher(words).find()) {
                checkIn = today.plusDays(1);
            } else if (TODAY.matcher(words).find()) {
                checkIn = today;
            }
        }
        if (checkIn != null && nights != null && (checkOut == null || mentions.size() < 2)) {
            checkOut = checkIn.plusDays(nights);
        }
        YearMonth month = checkIn == null ? month(rest.toString(), today) : null;
        DayRange days = null;
        if (checkIn == null && month == null) {
            Matcher only = DAYS_ONLY.matcher(rest.toString());
            if (only.find()) {
                int from = Integer.parseInt(only.group(1));
                int to = Integer.parseInt(only.group(2));
                days = from >= 1 && from <= 31 && to >= 1 && to <= 31 && from != to
                        ? new DayRange(from, to, today)
                        : null;
            }
        }
        return new Dates(checkIn, checkOut, month, nights, days);
    }

    /** The Friday of this weekend; on Saturday and Sunday, next week's (this one is under way). */
    private static LocalDate friday(LocalDate today) {
        return today.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()
                ? today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
                : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    }

    private static YearMonth month(String words, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        if (NEXT_MONTH.matcher(words).find()) {
            return current.plusMonths(1);
        }
        if (THIS_MONTH.matcher(words).find()) {
            return current;
        }
        Matcher in = IN_MONTH.matcher(words);
        if (in.find()) {
            return monthFrom(MONTHS.get(in.group(1)), in.group(2), current);
        }
        Matcher bare = BARE_MONTH.matcher(words);
        while (bare.find()) {
            if (!AMBIGUOUS_MONTHS.contains(bare.group(1))) {
                return monthFrom(MONTHS.get(bare.group(1)), bare.group(2), current);
            }
        }
        return null;
    }

    private static YearMonth monthFrom(int month, String year, YearMonth current) {
        if (year != null) {
            return YearMonth.of(Integer.parseInt(year), month);
        }
        YearMonth asked = YearMonth.of(current.getYear(), month);
        return asked.isBefore(current) ? asked.plusYears(1) : asked;
    }

    private static Integer nights(String words) {
        Matcher nights = NIGHTS.matcher(words);
        if (nights.find()) {
            return NumberWords.value(nights.group(1));
        }
        Matcher weeks = WEEKS.matcher(words);
        if (weeks.find()) {
            return NumberWords.value(weeks.group(1)) * 7;
        }
        return null;
    }

    /** Finds every match, records its dates and blanks it out so that no later pattern reads it again. */
    private static void take(
            StringBuilder text,
            Pattern pattern,
            java.util.function.Function<Matcher, List<Mention>> read,
            List<Mention> into) {
        Matcher matcher = pattern.matcher(text.toString());
        while (matcher.find()) {
            List<Mention> found = read.apply(matcher);
            if (found.isEmpty() || found.stream().noneMatch(Mention::valid)) {
                continue;
            }
            into.addAll(found);
            for (int i = matcher.start(); i < matcher.end(); i++) {
                text.setCharAt(i, ' ');
            }
        }
    }

    private static int day(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int month(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int monthName(Matcher m, int group) {
        return MONTHS.get(m.group(group));
    }

    private static Integer year(Matcher m, int group) {
        String year = m.group(group);
        if (year == null) {
            return null;
        }
        int value = Integer.parseInt(year);
        return year.length() == 2 ? 2000 + value : value;
    }

    /** A day and month the guest wrote, with the year when they gave one. */
    private record Mention(int position, int day, int month, Integer year) {

        boolean valid() {
            try {
                LocalDate.of(year == null ? 2028 : year, month, day); // 2028: a leap year, so 29 February passes
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }

        /** The date, next year when this year's is already past. */
        LocalDate onOrAfter(LocalDate today) {
            if (year != null) {
                return LocalDate.of(year, month, day);
            }
            LocalDate date = at(today.getYear());
            return date.isBefore(today) ? at(today.getYear() + 1) : date;
        }

        /** The date after {@code checkIn}: the same year, or the next when that would come first. */
        LocalDate after(LocalDate checkIn) {
            if (year != null) {
                return LocalDate.of(year, month, day);
            }
            LocalDate date = at(checkIn.getYear());
            return date.isAfter(checkIn) ? date : at(checkIn.getYear() + 1);
        }

        private LocalDate at(int year) {
            // 29 February in a year without it becomes 28 February
            return YearMonth.of(year, month)
                    .atDay(Math.min(day, YearMonth.of(year, month).lengthOfMonth()));
        }
    }
}
