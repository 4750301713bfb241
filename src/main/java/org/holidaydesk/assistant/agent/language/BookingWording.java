package org.holidaydesk.assistant.agent.language;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * What the booking button and the date picker say, in the guest's language, for every agent (the texts are the
 * language files' replies): the button's label names the stay it books within WhatsApp's 20 characters
 * ("Book 15–20 June", "Rezervă 28 iun–3 iul", "Buchen 15–20 Juni"), and the date picker's button and the line
 * that offers it.
 */
public final class BookingWording {

    /** What WhatsApp shows of a button's label at most. */
    public static final int LABEL_LIMIT = 20;

    private BookingWording() {}

    /** The booking button's label: the stay it books, shorter month names when the long ones do not fit. */
    public static String bookingLabel(String language, LocalDate checkIn, LocalDate checkOut) {
        Language words = Languages.all().of(language);
        if (checkIn != null && checkOut != null && checkOut.isAfter(checkIn)) {
            for (TextStyle style : new TextStyle[] {TextStyle.FULL_STANDALONE, TextStyle.SHORT_STANDALONE}) {
                String label = words.reply("bookStay", "stay", stay(checkIn, checkOut, style, words.locale()));
                if (label.length() <= LABEL_LIMIT) {
                    return label;
                }
            }
        }
        return words.reply("bookNow");
    }

    /** The line above a booking button when an answer says nothing else. */
    public static String bookingLine(String language) {
        return Languages.all().of(language).reply("bookingLine");
    }

    /** The date picker's button. */
    public static String pickDates(String language) {
        return Languages.all().of(language).reply("pickDates");
    }

    /** The date picker's heading: the property it shows, or every property. */
    public static String pickDatesHeading(String language, String property) {
        Language words = Languages.all().of(language);
        return property == null || property.isBlank()
                ? words.reply("pickDatesHeading")
                : words.reply("pickDatesHeadingFor", "name", property);
    }

    /** The line under an answer that offers the date picker. */
    public static String pickDatesLine(String language) {
        return Languages.all().of(language).reply("pickDatesLine");
    }

    /** "15–20 June", "28 June–3 July"; the year only when the stay ends in another year than it starts. */
    private static String stay(LocalDate checkIn, LocalDate checkOut, TextStyle style, Locale locale) {
        String outMonth = month(checkOut, style, locale);
        if (checkIn.getYear() == checkOut.getYear() && checkIn.getMonth() == checkOut.getMonth()) {
            return checkIn.getDayOfMonth() + "–" + checkOut.getDayOfMonth() + " " + outMonth;
        }
        String in = checkIn.getDayOfMonth() + " " + month(checkIn, style, locale);
        String out = checkOut.getDayOfMonth() + " " + outMonth;
        return checkIn.getYear() == checkOut.getYear()
                ? in + "–" + out
                : in + " " + checkIn.getYear() + "–" + out + " " + checkOut.getYear();
    }

    private static String month(LocalDate date, TextStyle style, Locale locale) {
        String name = date.getMonth().getDisplayName(style, locale);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
