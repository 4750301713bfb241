package org.holidaydesk.assistant.agent.offline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.agent.language.Language;
import org.holidaydesk.assistant.agent.language.Languages;
import org.holidaydesk.assistant.agent.offline.reading.Features;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.webhook.MessageKind;

/**
 * Everything the offline agent says, in the guest's language, in WhatsApp formatting: {@code *bold*} for
 * names, dates and prices, {@code _italic_} for notes, one fact a line, {@code •} bullets. The texts live in
 * the language files ({@code src/main/resources/language/*.yaml}, read by {@link Languages}); this class fills
 * them with values written as the language writes them. The year is written only when it is not the current one.
 */
final class Wording {

    private final Language language;
    private final int currentYear;
    private final LocalDate today;

    private Wording(String code, LocalDate today) {
        this.language = Languages.all().of(code);
        this.currentYear = today.getYear();
        this.today = today;
    }

    static Wording of(String language, LocalDate today) {
        return new Wording(language, today);
    }

    /** What is said of one property and of what guests want of a place. */
    PlaceWording place() {
        return new PlaceWording(this);
    }

    /** Today where the properties are. */
    LocalDate today() {
        return today;
    }

    String language() {
        return language.code();
    }

    /** The reply {@code key} of the language file, its placeholders filled by name and value pairs. */
    String text(String key, Object... values) {
        return language.reply(key, values);
    }

    Language file() {
        return language;
    }

    // ---- values ----

    String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(
                        format(date.getYear() == currentYear ? "dayMonth" : "dayMonthYear"), language.locale())
                .format(date);
    }

    /** "15–20 June", "28 June – 3 July", "30 December – 2 January 2028". */
    String stay(LocalDate checkIn, LocalDate checkOut) {
        if (checkIn.getYear() == checkOut.getYear() && checkIn.getMonth() == checkOut.getMonth()) {
            return DateTimeFormatter.ofPattern(format("day"), language.locale()).format(checkIn) + "–" + date(checkOut);
        }
        if (checkIn.getYear() == checkOut.getYear()) {
            return DateTimeFormatter.ofPattern(format("dayMonth"), language.locale())
                            .format(checkIn) + " – " + date(checkOut);
        }
        return DateTimeFormatter.ofPattern(format("dayMonthYear"), language.locale())
                        .format(checkIn) + " – " + date(checkOut);
    }

    private String format(String name) {
        String pattern = language.text("format." + name);
        return pattern != null ? pattern : Languages.all().of("en").text("format." + name);
    }

    String month(YearMonth month) {
        String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, language.locale());
        return month.getYear() == currentYear ? name : name + " " + month.getYear();
    }

    String nights(int nights) {
        return language.count(nights, "nights");
    }

    String guests(int guests) {
        return language.count(guests, "guests");
    }

    String bedrooms(int rooms) {
        return language.count(rooms, "bedrooms");
    }

    static String money(BigDecimal amount, String currency) {
        return amount.stripTrailingZeros().toPlainString() + " " + currency;
    }

    // ---- greeting and what the assistant does ----

    String hello() {
        return text("hello");
    }

    String intro() {
        return text("intro");
    }

    String propertyLine(PropertyTools.PropertySummary p) {
        return text(
                "propertyLine",
                "name",
                p.name(),
                "location",
                p.location(),
                "maxGuests",
                p.maxGuests(),
                "guests",
                guests(p.maxGuests()),
                "price",
                money(p.nightlyPrice(), p.currency()));
    }

    /** {@link #propertyLine} with the minimum stay. */
    String propertyLineWithMinimumStay(PropertyTools.PropertySummary p) {
        return propertyLine(p) + "; " + text("minimumStaySuffix", "nights", nights(p.minimumStay()));
    }

    /** One property and its amenities, for "what facilities do you have?". */
    String amenitiesLine(PropertyTools.PropertySummary p) {
        return "• *" + p.name() + "*: " + (p.amenities().isEmpty() ? "–" : amenities(p.amenities()));
    }

    String more(int count) {
        return text("more", "count", count);
    }

    String askDatesAndGuests() {
        return text("askDatesAndGuests");
    }

    String thanks() {
        return text("thanks");
    }

    // ---- what is missing ----

    String askGuests(LocalDate checkIn, LocalDate checkOut) {
        int nights = (int) (checkOut.toEpochDay() - checkIn.toEpochDay());
        return text("askGuests", "stay", stay(checkIn, checkOut), "nights", nights(nights));
    }

    String askDates(Integer guests) {
        String forWhom = guests == null ? "" : text("forGuests", "guests", guests(guests));
        return forWhom + text("askDates");
    }

    String askCheckOut(LocalDate checkIn) {
        return text("askCheckOut", "date", date(checkIn));
    }

    String askCheckIn(int nights) {
        return text("askCheckIn", "nights", nights(nights));
    }

    /** The exact dates, and the party when it is not known yet: a party the guest gave is not asked for again. */
    String askExactDates(Integer guests) {
        return guests == null ? text("askExactDates") : text("askExactDatesFor", "guests", guests(guests));
    }

    // ---- a search over every property ----

    String freeFor(LocalDate checkIn, LocalDate checkOut, int nights, int guests) {
        return text("freeFor", "stay", stay(checkIn, checkOut), "nights", nights(nights), "guests", guests(guests));
    }

    String offerLine(PropertyTools.Offer offer) {
        return "• *" + offer.name() + "* (" + offer.location() + ") – *" + money(offer.totalPrice(), offer.currency())
                + "*";
    }

    String datedOfferLine(PropertyTools.Offer offer) {
        return "• *" + offer.name() + "*, " + stay(offer.checkIn(), offer.checkOut()) + " – *"
                + money(offer.totalPrice(), offer.currency()) + "*";
    }

    String pickOne() {
        return text("pickOne");
    }

    String nothingFree(LocalDate checkIn, LocalDate checkOut, int guests) {
        return text("nothingFree", "stay", stay(checkIn, checkOut), "guests", guests(guests));
    }

    String nearbyDates() {
        return text("nearbyDates");
    }

    String otherProperties() {
        return text("otherProperties");
    }

    String tryOtherDates() {
        return text("tryOtherDates");
    }

    // ---- one property ----

    String booked(String name, LocalDate checkIn, LocalDate checkOut) {
        return text("booked", "name", name, "stay", stay(checkIn, checkOut));
    }

    String tooManyGuests(String name, int maxGuests) {
        return text("tooManyGuests", "name", name, "guests", guests(maxGuests));
    }

    String minimumStay(String name, int nights) {
        return text("minimumStay", "name", name, "nights", nights(nights));
    }

    /** A free stay with its booking page: the page goes out as the button under this text, never as an address in it. */
    String freeWithLink(PropertyTools.BookingLink link) {
        return text(
                "freeWithLink",
                "name",
                link.name(),
                "stay",
                stay(link.checkIn(), link.checkOut()),
                "nights",
                nights(link.nights()),
                "guests",
                guests(link.guests()),
                "total",
                money(link.totalPrice(), link.currency()));
    }

    String freeAskGuests(PropertyTools.Offer offer) {
        return text(
                "freeAskGuests",
                "name",
                offer.name(),
                "stay",
                stay(offer.checkIn(), offer.checkOut()),
                "nights",
                nights(offer.nights()),
                "total",
                money(offer.totalPrice(), offer.currency()));
    }

    String howManyGuests() {
        return text("howManyGuests");
    }

    // ---- calendars ----

    String freeInMonth(String name, YearMonth month) {
        return text("freeInMonth", "name", name, "month", month(month));
    }

    String bookedInMonth(String name, YearMonth month) {
        return text("bookedInMonth", "name", name, "month", month(month));
    }

    String freeSoon(String name) {
        return text("freeSoon", "name", name);
    }

    String bookedSoon(String name) {
        return text("bookedSoon", "name", name);
    }

    String rangeLine(PropertyTools.Range range) {
        return "• " + stay(range.start(), range.end()) + " (" + nights(range.nights()) + ")";
    }

    String windowsInMonth(YearMonth month) {
        return text("windowsInMonth", "month", month(month));
    }

    String otherWindowsInMonth(YearMonth month) {
        return text("otherWindowsInMonth", "month", month(month));
    }

    String windowLine(String name, PropertyTools.Range range) {
        return "• *" + name + "*: " + stay(range.start(), range.end()) + " (" + nights(range.nights()) + ")";
    }

    String nothingInMonth(YearMonth month) {
        return text("nothingInMonth", "month", month(month));
    }

    String partyTooLargeForAll(int guests, int mostGuests, String contact) {
        return text("partyTooLargeForAll", "most", guests(mostGuests), "guests", guests(guests), "contact", contact);
    }

    String amenities(List<String> amenities) {
        return amenities.stream().map(a -> Features.amenityName(a, language)).collect(Collectors.joining(", "));
    }

    static String first(String preferred, String otherwise) {
        return preferred != null && !preferred.isBlank() ? preferred : otherwise;
    }

    /** "For *Casa Pescarului*, which you asked about:": an answer that uses a property named in an earlier message. */
    String remembered(String name) {
        return text("remembered", "name", name);
    }

    // ---- questions the tools could not answer as asked ----

    String unknownProperty(String asWritten) {
        return text("unknownProperty", "name", asWritten);
    }

    String whichProperty() {
        return text("whichProperty");
    }

    String pastDates() {
        return text("pastDates");
    }

    String checkOutBeforeCheckIn() {
        return text("checkOutBeforeCheckIn");
    }

    String tooLong(int maxNights, String contact) {
        return text("tooLong", "nights", nights(maxNights), "contact", contact);
    }

    String tooFarAhead() {
        return text("tooFarAhead");
    }

    String justTaken() {
        return text("justTaken");
    }

    String couldNotCheck() {
        return text("couldNotCheck");
    }

    // ---- messages that are not text ----

    String cannotOpen(MessageKind kind) {
        return switch (kind) {
            case AUDIO -> text("cannotOpenAudio");
            case IMAGE, STICKER -> text("cannotOpenImage");
            case VIDEO -> text("cannotOpenVideo");
            case DOCUMENT -> text("cannotOpenDocument");
            case LOCATION -> text("cannotOpenLocation");
            case CONTACTS -> text("cannotOpenContacts");
            default -> text("cannotOpenOther");
        };
    }

    String capabilities(MessageKind kind) {
        return text("capabilities", "cannotOpen", cannotOpen(kind));
    }

    String answeredTheText(MessageKind kind) {
        return "_" + cannotOpen(kind) + " " + text("answeredTheText") + "_";
    }
}
