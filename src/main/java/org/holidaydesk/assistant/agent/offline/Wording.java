package org.holidaydesk.assistant.agent.offline;

import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.agent.offline.reading.Features;
import org.holidaydesk.assistant.agent.offline.reading.Feature;
import org.holidaydesk.assistant.webhook.MessageKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Everything the offline agent says, in English and Romanian, in WhatsApp formatting: {@code *bold*} for
 * names, dates and prices, {@code _italic_} for notes, one fact a line, {@code •} bullets. The year is
 * written only when it is not the current one.
 */
final class Wording {

    private static final Locale ROMANIAN = Locale.forLanguageTag("ro");

    private final boolean romanian;
    private final Locale locale;
    private final int currentYear;
    private final LocalDate today;

    private Wording(String language, LocalDate today) {
        this.romanian = LanguageGuess.ROMANIAN.equals(language);
        this.locale = romanian ? ROMANIAN : Locale.ENGLISH;
        this.currentYear = today.getYear();
        this.today = today;
    }

    static Wording of(String language, LocalDate today) {
        return new Wording(language, today);
    }

    /** What is said of one property and of what guests want of a place. */
    PlaceWording place() {
        return new PlaceWording(this, romanian);
    }

    /** Today where the properties are. */
    LocalDate today() {
        return today;
    }

    String language() {
        return romanian ? LanguageGuess.ROMANIAN : LanguageGuess.ENGLISH;
    }

    String say(String english, String romanianText) {
        return romanian ? romanianText : english;
    }

    // ---- values ----

    String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(date.getYear() == currentYear ? "d MMMM" : "d MMMM yyyy", locale).format(date);
    }

    /** "15–20 June", "28 June – 3 July", "30 December – 2 January 2028". */
    String stay(LocalDate checkIn, LocalDate checkOut) {
        if (checkIn.getYear() == checkOut.getYear() && checkIn.getMonth() == checkOut.getMonth()) {
            return checkIn.getDayOfMonth() + "–" + date(checkOut);
        }
        if (checkIn.getYear() == checkOut.getYear()) {
            return DateTimeFormatter.ofPattern("d MMMM", locale).format(checkIn) + " – " + date(checkOut);
        }
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(checkIn) + " – " + date(checkOut);
    }

    String month(YearMonth month) {
        String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
        return month.getYear() == currentYear ? name : name + " " + month.getYear();
    }

    String nights(int nights) {
        return romanian ? counted(nights, "noapte", "nopți") : nights + (nights == 1 ? " night" : " nights");
    }

    String guests(int guests) {
        return romanian ? counted(guests, "persoană", "persoane") : guests + (guests == 1 ? " guest" : " guests");
    }

    /** Romanian puts "de" between 20 or more and the noun: "5 nopți", "20 de nopți". */
    static String counted(int n, String one, String many) {
        if (n == 1) {
            return "1 " + one;
        }
        int lastTwo = n % 100;
        return n + (lastTwo >= 1 && lastTwo <= 19 ? " " : " de ") + many;
    }

    static String money(BigDecimal amount, String currency) {
        return amount.stripTrailingZeros().toPlainString() + " " + currency;
    }

    // ---- greeting and what the assistant does ----

    String hello() {
        return say("Hello! 👋", "Bună ziua! 👋");
    }

    String intro() {
        return say("I can check which of our properties are free, with prices and a booking link.",
                "Vă pot spune care dintre proprietățile noastre sunt libere, cu prețuri și link de rezervare.");
    }

    String propertyLine(PropertyTools.PropertySummary p) {
        return "• *" + p.name() + "* – " + p.location() + "; "
                + say("sleeps " + p.maxGuests(), "până la " + guests(p.maxGuests())) + "; "
                + money(p.nightlyPrice(), p.currency()) + say("/night", "/noapte");
    }

    /** {@link #propertyLine} with the minimum stay. */
    String propertyLineWithMinimumStay(PropertyTools.PropertySummary p) {
        return propertyLine(p) + "; " + say("min. " + nights(p.minimumStay()), "minimum " + nights(p.minimumStay()));
    }

    /** One property and its amenities, for "what facilities do you have?". */
    String amenitiesLine(PropertyTools.PropertySummary p) {
        return "• *" + p.name() + "*: " + (p.amenities().isEmpty() ? "–" : amenities(p.amenities()));
    }

    String more(int count) {
        return say("…and " + count + " more.", "…și încă " + count + ".");
    }

    String askDatesAndGuests() {
        return say("When would you like to come, and how many guests? E.g. *June 15 to June 20 for 2 people*.",
                "Când doriți să veniți și câte persoane sunteți? De ex. *15–20 iunie pentru 2 persoane*.");
    }

    String thanks() {
        return say("You're welcome! Write to me any time you want to check other dates.",
                "Cu plăcere! Scrieți-mi oricând doriți să verificați alte date.");
    }

    // ---- what is missing ----

    String askGuests(LocalDate checkIn, LocalDate checkOut) {
        int nights = (int) (checkOut.toEpochDay() - checkIn.toEpochDay());
        return say("For *" + stay(checkIn, checkOut) + "* (" + nights(nights) + "): how many guests will stay?",
                "Pentru *" + stay(checkIn, checkOut) + "* (" + nights(nights) + "): câte persoane veți fi?");
    }

    String askDates(Integer guests) {
        String forWhom = guests == null ? "" : say("For " + guests(guests) + ": ", "Pentru " + guests(guests) + ": ");
        return forWhom + say("which dates would you like? Please tell me the arrival and departure day, e.g. *June 15 to June 20*.",
                "ce date doriți? Spuneți-mi ziua sosirii și a plecării, de ex. *15–20 iunie*.");
    }

    String askCheckOut(LocalDate checkIn) {
        return say("Arriving on *" + date(checkIn) + "*: until when, or for how many nights?",
                "Cu sosire pe *" + date(checkIn) + "*: până când, sau pentru câte nopți?");
    }

    String askCheckIn(int nights) {
        return say("*" + nights(nights) + "*: from which day?", "*" + nights(nights) + "*: din ce zi?");
    }

    String askExactDates() {
        return say("Tell me your exact dates and number of guests, and I'll give you the price and a booking link.",
                "Spuneți-mi datele exacte și numărul de persoane, și vă dau prețul și linkul de rezervare.");
    }

    // ---- a search over every property ----

    String freeFor(LocalDate checkIn, LocalDate checkOut, int nights, int guests) {
        return say("Free for *" + stay(checkIn, checkOut) + "* (" + nights(nights) + ", " + guests(guests) + "):",
                "Libere pe *" + stay(checkIn, checkOut) + "* (" + nights(nights) + ", " + guests(guests) + "):");
    }

    String offerLine(PropertyTools.Offer offer) {
        return "• *" + offer.name() + "* (" + offer.location() + ") – *" + money(offer.totalPrice(), offer.currency()) + "*";
    }

    String datedOfferLine(PropertyTools.Offer offer) {
        return "• *" + offer.name() + "*, " + stay(offer.checkIn(), offer.checkOut()) + " – *"
                + money(offer.totalPrice(), offer.currency()) + "*";
    }

    String pickOne() {
        return say("Tell me which one you'd like and I'll send you a booking link.",
                "Spuneți-mi pe care o preferați și vă trimit linkul de rezervare.");
    }

    String nothingFree(LocalDate checkIn, LocalDate checkOut, int guests) {
        return say("Sorry, nothing is free for *" + stay(checkIn, checkOut) + "* for " + guests(guests) + ".",
                "Îmi pare rău, nu avem nimic liber pe *" + stay(checkIn, checkOut) + "* pentru " + guests(guests) + ".");
    }

    String nearbyDates() {
        return say("Nearest free dates:", "Cele mai apropiate date libere:");
    }

    String otherProperties() {
        return say("Free on your dates:", "Libere în aceste date:");
    }

    String tryOtherDates() {
        return say("Nothing close to those dates is free either. Would other dates work?",
                "Nici în jurul acestor date nu e nimic liber. Ați putea veni în altă perioadă?");
    }

    // ---- one property ----

    String booked(String name, LocalDate checkIn, LocalDate checkOut) {
        return say("Sorry, *" + name + "* is booked for *" + stay(checkIn, checkOut) + "*.",
                "Îmi pare rău, *" + name + "* este ocupată pe *" + stay(checkIn, checkOut) + "*.");
    }

    String tooManyGuests(String name, int maxGuests) {
        return say("*" + name + "* sleeps at most " + guests(maxGuests) + ".",
                "*" + name + "* are loc pentru cel mult " + guests(maxGuests) + ".");
    }

    String minimumStay(String name, int nights) {
        return say("*" + name + "* takes stays of at least " + nights(nights) + ".",
                "*" + name + "* se închiriază pentru minimum " + nights(nights) + ".");
    }

    /** A free stay with its booking page: the page goes out as the button under this text, never as an address in it. */
    String freeWithLink(PropertyTools.BookingLink link) {
        String stay = stay(link.checkIn(), link.checkOut());
        String total = money(link.totalPrice(), link.currency());
        return say("Good news: *" + link.name() + "* is free for *" + stay + "* (" + nights(link.nights()) + ", "
                        + guests(link.guests()) + ") – *" + total + "* in total.\n"
                        + "_The button below opens our booking page with these details filled in; nothing is reserved until you complete the booking there._",
                "Vești bune: *" + link.name() + "* este liberă pe *" + stay + "* (" + nights(link.nights()) + ", "
                        + guests(link.guests()) + ") – *" + total + "* în total.\n"
                        + "_Butonul de mai jos deschide pagina noastră de rezervare cu aceste detalii completate; nimic nu este rezervat până nu finalizați rezervarea acolo._");
    }

    String freeAskGuests(PropertyTools.Offer offer) {
        String stay = stay(offer.checkIn(), offer.checkOut());
        String total = money(offer.totalPrice(), offer.currency());
        return say("*" + offer.name() + "* is free for *" + stay + "* (" + nights(offer.nights()) + ") – *" + total
                        + "* in total. How many guests will stay? Then I'll send you the booking link.",
                "*" + offer.name() + "* este liberă pe *" + stay + "* (" + nights(offer.nights()) + ") – *" + total
                        + "* în total. Câte persoane veți fi? Apoi vă trimit linkul de rezervare.");
    }

    String howManyGuests() {
        return say("How many guests will stay?", "Câte persoane veți fi?");
    }

    // ---- calendars ----

    String freeInMonth(String name, YearMonth month) {
        return say("*" + name + "* in *" + month(month) + "* – free:", "*" + name + "* în *" + month(month) + "* – liberă:");
    }

    String bookedInMonth(String name, YearMonth month) {
        return say("Sorry, *" + name + "* is fully booked in *" + month(month) + "*.",
                "Îmi pare rău, *" + name + "* este ocupată toată luna *" + month(month) + "*.");
    }

    String freeSoon(String name) {
        return say("*" + name + "* – free in the next 30 days:", "*" + name + "* – liberă în următoarele 30 de zile:");
    }

    String bookedSoon(String name) {
        return say("Sorry, *" + name + "* is fully booked for the next 30 days.",
                "Îmi pare rău, *" + name + "* este ocupată în următoarele 30 de zile.");
    }

    String rangeLine(PropertyTools.Range range) {
        return "• " + stay(range.start(), range.end()) + " (" + nights(range.nights()) + ")";
    }

    String windowsInMonth(YearMonth month) {
        return say("Free in *" + month(month) + "*:", "Libere în *" + month(month) + "*:");
    }

    String otherWindowsInMonth(YearMonth month) {
        return say("Other properties free in *" + month(month) + "*:", "Alte proprietăți libere în *" + month(month) + "*:");
    }

    String windowLine(String name, PropertyTools.Range range) {
        return "• *" + name + "*: " + stay(range.start(), range.end()) + " (" + nights(range.nights()) + ")";
    }

    String nothingInMonth(YearMonth month) {
        return say("Sorry, nothing is free in *" + month(month) + "*. Would another month work?",
                "Îmi pare rău, nu avem nimic liber în *" + month(month) + "*. V-ar conveni altă lună?");
    }

    String partyTooLargeForAll(int guests, int mostGuests, String contact) {
        return say("Our properties sleep at most " + guests(mostGuests) + ". For " + guests(guests)
                        + ", please contact us at " + contact + ".",
                "Proprietățile noastre au loc pentru cel mult " + guests(mostGuests) + ". Pentru " + guests(guests)
                        + ", vă rog contactați-ne la " + contact + ".");
    }

    String amenities(List<String> amenities) {
        return amenities.stream().map(a -> Features.amenityName(a, romanian)).collect(Collectors.joining(", "));
    }

    static String first(String preferred, String otherwise) {
        return preferred != null && !preferred.isBlank() ? preferred : otherwise;
    }

    // ---- questions the tools could not answer as asked ----

    String unknownProperty(String asWritten) {
        return say("I couldn't find a property called *" + asWritten + "*.",
                "Nu am găsit o proprietate numită *" + asWritten + "*.");
    }

    String whichProperty() {
        return say("Which property do you mean?", "La care proprietate vă referiți?");
    }

    String pastDates() {
        return say("Those dates are already past. Which dates from today on would you like?",
                "Acele date au trecut deja. Ce date de azi încolo doriți?");
    }

    String checkOutBeforeCheckIn() {
        return say("The departure day has to come after the arrival day. When would you arrive and leave?",
                "Ziua plecării trebuie să fie după ziua sosirii. Când ați sosi și când ați pleca?");
    }

    String tooLong(int maxNights, String contact) {
        return say("I can check stays of up to " + nights(maxNights) + " here. Could you send me a shorter stay? "
                        + "For longer stays please contact us at " + contact + ".",
                "Aici pot verifica sejururi de cel mult " + nights(maxNights) + ". Îmi trimiteți un sejur mai scurt? "
                        + "Pentru sejururi mai lungi contactați-ne la " + contact + ".");
    }

    String tooFarAhead() {
        return say("Our calendars don't reach that far ahead yet. Could you pick earlier dates?",
                "Calendarele noastre nu ajung încă atât de departe. Puteți alege date mai apropiate?");
    }

    String justTaken() {
        return say("Those dates were just taken. Shall I look for other dates?",
                "Aceste date tocmai au fost ocupate. Să caut alte date?");
    }

    String couldNotCheck() {
        return say("I couldn't check that as asked. Could you send me your arrival and departure dates and the number of guests?",
                "Nu am putut verifica așa. Îmi trimiteți data sosirii, data plecării și numărul de persoane?");
    }

    // ---- messages that are not text ----

    String cannotOpen(MessageKind kind) {
        return switch (kind) {
            case AUDIO -> say("I can't listen to voice messages.", "Nu pot asculta mesajele vocale.");
            case IMAGE, STICKER -> say("I can't see images or stickers.", "Nu pot vedea imagini sau stickere.");
            case VIDEO -> say("I can't watch videos.", "Nu pot viziona clipuri video.");
            case DOCUMENT -> say("I can't open documents.", "Nu pot deschide documente.");
            case LOCATION -> say("I can't read shared locations.", "Nu pot citi locațiile trimise.");
            case CONTACTS -> say("I can't read shared contacts.", "Nu pot citi contactele trimise.");
            default -> say("I can't open this kind of message.", "Nu pot deschide acest tip de mesaj.");
        };
    }

    String capabilities(MessageKind kind) {
        return say("Thanks for your message! " + cannotOpen(kind) + "\n"
                        + "I can check free dates and prices for you: please *type* your dates and the number of guests, "
                        + "e.g. *June 15 to June 20 for 2 people*.",
                "Mulțumesc pentru mesaj! " + cannotOpen(kind) + "\n"
                        + "Vă pot spune ce date sunt libere și prețurile: vă rog *scrieți* datele și numărul de persoane, "
                        + "de ex. *15–20 iunie pentru 2 persoane*.");
    }

    String answeredTheText(MessageKind kind) {
        return "_" + cannotOpen(kind) + " " + say("I answered your text.", "Am răspuns la textul scris.") + "_";
    }
}
