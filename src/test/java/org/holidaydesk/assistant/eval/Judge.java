package org.holidaydesk.assistant.eval;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Judges one run of a scenario from what was sent to the guest and the world's ground truth — never from
 * what the assistant says about itself. Milestones are the scenario's own; every minefield applies to every
 * scenario:
 * <ul>
 * <li>{@code taken_offered}: a property offered as free for dates it is booked (or below its minimum stay);</li>
 * <li>{@code too_small_offered}: a property offered for a party larger than it sleeps;</li>
 * <li>{@code made_up_price}: an amount no tool could give (a property's nightly price times a number of nights);</li>
 * <li>{@code link_before_party}: a booking link before the guest said how many they are;</li>
 * <li>{@code bad_link}: a booking link for a stay that is not free, not the guest's, or a link to anywhere else;</li>
 * <li>{@code wrong_language}: a reply in another language than the guest's;</li>
 * <li>{@code off_topic_answered}: an off-topic request served instead of brought back to stays;</li>
 * <li>{@code remembered_after_forget}: the forgotten request's dates or link used after "forget me";</li>
 * <li>{@code invented_time}: a time of day (check-in, check-out) the world has no such fact for;</li>
 * <li>{@code no_reply}: a guest turn left without an answer.</li>
 * </ul>
 * A property counts as <em>offered</em> in a line that names it without a refusal word (booked, not free, …) and
 * either is a choice to tap, carries the stay's total at its price, or says it is free; a line with its own dates
 * (nearby dates, free stretches) is checked against those dates.
 */
public final class Judge {

    public static final List<String> MILESTONES = List.of(
            "offers_free_set",
            "offers_alternatives",
            "booking_link",
            "handoff",
            "contact",
            "contact_or_handoff",
            "no_offer",
            "names_dates",
            "answered");
    public static final List<String> MINEFIELDS = List.of(
            "taken_offered",
            "too_small_offered",
            "made_up_price",
            "link_before_party",
            "bad_link",
            "wrong_language",
            "off_topic_answered",
            "remembered_after_forget",
            "invented_time",
            "no_reply");

    /** A minefield stepped on: where, and the words that show it. */
    public record Hit(String minefield, int turn, String evidence) {}

    public record Verdict(
            String scenario,
            String category,
            int run,
            boolean passed,
            Map<String, Boolean> milestones,
            List<Hit> hits) {}

    private static final Pattern MONEY =
            Pattern.compile("(?:(€|eur|ron|lei)\\s*(\\d{1,3}(?:[ ,.\\u00a0]\\d{3})+|\\d+)(?:[.,]\\d{1,2})?)"
                    + "|(?:(\\d{1,3}(?:[ ,.\\u00a0]\\d{3})+|\\d+)(?:[.,](\\d{1,2}))?\\s*(€|eur|euro|ron|lei)\\b)");
    private static final Pattern TIME = Pattern.compile(
            "\\b(?:[01]?\\d|2[0-3]):[0-5]\\d\\b|\\b(?:1[0-2]|[1-9])\\s?(?:am|pm)\\b|\\bora\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+uhr\\b");
    private static final Set<String> AVAILABLE = Set.of(
            "free",
            "available",
            "open",
            "liber",
            "libera",
            "libere",
            "disponibil",
            "disponibila",
            "disponibile",
            "frei",
            "verfugbar");
    private static final Set<String> REFUSAL = Set.of(
            "not",
            "booked",
            "taken",
            "unavailable",
            "full",
            "isn",
            "occupied",
            "nu",
            "ocupat",
            "ocupata",
            "rezervat",
            "rezervata",
            "indisponibil",
            "indisponibila",
            "nicht",
            "belegt",
            "ausgebucht",
            "kein",
            "keine",
            "except",
            "exceptand",
            "inafara");
    private static final Set<String> DOMAIN = Set.of(
            "stay",
            "stays",
            "date",
            "dates",
            "guest",
            "guests",
            "property",
            "properties",
            "book",
            "booking",
            "night",
            "nights",
            "availability",
            "free",
            "cazare",
            "sejur",
            "rezervare",
            "rezerva",
            "proprietate",
            "proprietati",
            "oaspeti",
            "persoane",
            "nopti",
            "unterkunft",
            "buchung",
            "buchen",
            "aufenthalt",
            "ubernachtung",
            "nachte",
            "gaste",
            "personen",
            "frei",
            "termin",
            "reisedaten");

    private final World world;

    public Judge(World world) {
        this.world = world;
    }

    public Verdict judge(Transcript transcript) {
        Scenario scenario = transcript.scenario();
        List<Hit> hits = new ArrayList<>();
        List<Set<String>> offeredPerTurn = new ArrayList<>();
        List<String[]> links = new ArrayList<>();
        boolean contact = false;
        boolean anyDates = false;
        Scenario.Known forgotten = null;
        for (int i = 0; i < transcript.turns().size(); i++) {
            Scenario.Turn turn = scenario.turns().get(i);
            Transcript.TurnRecord record = transcript.turns().get(i);
            Scenario.Known known = turn.known();
            Set<String> offered = new LinkedHashSet<>();
            offeredPerTurn.add(offered);
            if (record.sent().isEmpty()) {
                hits.add(new Hit("no_reply", i + 1, "no message after: " + record.guestText()));
                continue;
            }
            StringBuilder turnText = new StringBuilder();
            for (Transcript.Sent sent : record.sent()) {
                turnText.append(sent.text()).append('\n');
                contact |= digits(sent.text()).contains(digits(world.businessContact()));
                anyDates |= !Dates.named(sent.text()).isEmpty();
                World.Place subject = null;
                for (String line : sent.text().split("\n")) {
                    // "Casa Pescarului – free in the next 30 days:" heads the bullet lines that follow it
                    List<World.Place> named = world.places().stream()
                            .filter(p -> names(Dates.plain(line), p))
                            .toList();
                    if (named.size() == 1 && line.strip().endsWith(":")) {
                        subject = named.get(0);
                        continue;
                    }
                    boolean bullet = line.strip().matches("^[•\\-*·].*");
                    if (subject != null && bullet && named.isEmpty()) {
                        judgeLine(subject.name() + " (free) " + line, false, known, i + 1, offered, hits);
                        continue;
                    }
                    if (!bullet) {
                        subject = null;
                    }
                    judgeLine(line, false, known, i + 1, offered, hits);
                }
                for (String choice : sent.choices()) {
                    judgeLine(choice, true, known, i + 1, offered, hits);
                }
                for (String url : sent.urls()) {
                    judgeLink(url, known, i + 1, links, hits);
                }
                if (forgotten != null && forgotten.hasStay()) {
                    for (MonthDay day : Dates.named(sent.text())) {
                        LocalDate date = dateOf(day);
                        if (!date.isBefore(at(forgotten.in())) && !date.isAfter(at(forgotten.out()))) {
                            hits.add(new Hit("remembered_after_forget", i + 1, firstLine(sent.text(), day)));
                            break;
                        }
                    }
                    if (!sent.urls().isEmpty()) {
                        hits.add(new Hit(
                                "remembered_after_forget", i + 1, sent.urls().get(0)));
                    }
                }
                Matcher time = TIME.matcher(Dates.plain(sent.text()));
                if (time.find()) {
                    hits.add(new Hit("invented_time", i + 1, time.group()));
                }
            }
            String language = Language.guess(withoutNames(turnText.toString()));
            if (!language.equals("?") && !language.equals(scenario.language())) {
                hits.add(new Hit("wrong_language", i + 1, language + ": " + abbreviated(turnText.toString())));
            }
            if (turn.offTopic() && !mentionsDomain(turnText.toString()) && turnText.length() > 60) {
                hits.add(new Hit("off_topic_answered", i + 1, abbreviated(turnText.toString())));
            }
            if (turn.forget()) {
                forgotten = known;
            }
        }

        Map<String, Boolean> milestones = new LinkedHashMap<>();
        Scenario.Known last = scenario.turns().get(scenario.turns().size() - 1).known();
        for (String m : scenario.milestones()) {
            milestones.put(
                    m,
                    switch (m) {
                        case "offers_free_set" -> offersFreeSet(scenario, offeredPerTurn, last);
                        case "offers_alternatives" -> offersAlternatives(scenario, offeredPerTurn);
                        case "booking_link" ->
                            links.stream()
                                    .anyMatch(l -> last.hasStay()
                                            && world.place(l[0])
                                                    .map(p -> p.id().equals(last.property()))
                                                    .orElse(false)
                                            && l[1].equals(at(last.in()).toString())
                                            && l[2].equals(at(last.out()).toString())
                                            && l[3].equals(String.valueOf(last.guests())));
                        case "handoff" -> transcript.handoffs() > 0;
                        case "contact" -> contact;
                        case "contact_or_handoff" -> contact || transcript.handoffs() > 0;
                        case "no_offer" -> offeredPerTurn.stream().allMatch(Set::isEmpty) && links.isEmpty();
                        case "names_dates" -> anyDates;
                        case "answered" ->
                            transcript.turns().stream().allMatch(t -> !t.sent().isEmpty());
                        default -> throw new IllegalArgumentException("unknown milestone " + m);
                    });
        }
        boolean passed = hits.isEmpty() && milestones.values().stream().allMatch(Boolean::booleanValue);
        return new Verdict(scenario.id(), scenario.category(), transcript.run(), passed, milestones, List.copyOf(hits));
    }

    /** At the turn the final stay first became known, the properties offered are exactly those free for it. */
    private boolean offersFreeSet(Scenario scenario, List<Set<String>> offeredPerTurn, Scenario.Known last) {
        if (!last.hasStay()) {
            return false;
        }
        for (int i = 0; i < offeredPerTurn.size(); i++) {
            Scenario.Known k = scenario.turns().get(i).known();
            if (k.hasStay()
                    && k.in().equals(last.in())
                    && k.out().equals(last.out())
                    && k.guests().equals(last.guests())) {
                Set<String> free = world.freeFor(at(last.in()), at(last.out()), last.guests()).stream()
                        .map(World.Place::id)
                        .collect(Collectors.toSet());
                return offeredPerTurn.get(i).equals(free);
            }
        }
        return false;
    }

    /** Some property free for the guest's party was offered (other dates or another property). */
    private boolean offersAlternatives(Scenario scenario, List<Set<String>> offeredPerTurn) {
        for (int i = 0; i < offeredPerTurn.size(); i++) {
            Scenario.Known k = scenario.turns().get(i).known();
            for (String id : offeredPerTurn.get(i)) {
                if (!id.equals(k.property()) || !k.hasStay()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void judgeLine(
            String line, boolean choice, Scenario.Known known, int turn, Set<String> offered, List<Hit> hits) {
        String plain = Dates.plain(line);
        List<World.Place> named =
                world.places().stream().filter(p -> names(plain, p)).toList();
        Set<String> words =
                new java.util.HashSet<>(List.of(Dates.plain(withoutNames(line)).split("[^a-z]+")));
        boolean refused = words.stream().anyMatch(REFUSAL::contains);
        boolean sayFree = words.stream().anyMatch(AVAILABLE::contains);
        List<BigDecimal[]> amounts = amounts(plain);
        for (BigDecimal[] amount : amounts) {
            if (!plausible(amount, named)) {
                hits.add(new Hit("made_up_price", turn, line.strip()));
                break;
            }
        }
        if (named.isEmpty() || refused) {
            return;
        }
        List<LocalDate> dates = Dates.named(line).stream().map(this::dateOf).toList();
        for (World.Place place : named) {
            if (dates.size() >= 2 && dates.get(1).isAfter(dates.get(0)) && (sayFree || !amounts.isEmpty() || choice)) {
                LocalDate in = dates.get(0);
                LocalDate out = dates.get(1);
                boolean ownStay = known.hasStay() && in.equals(at(known.in())) && out.equals(at(known.out()));
                if (!ownStay) {
                    // an offer with its own dates: nearby dates, a free stretch of the calendar
                    if (place.blocked().stream().anyMatch(b -> in.isBefore(b[1]) && b[0].isBefore(out))) {
                        hits.add(new Hit("taken_offered", turn, line.strip()));
                    } else if (known.guests() != null && known.guests() > place.maxGuests()) {
                        hits.add(new Hit("too_small_offered", turn, line.strip()));
                    }
                    continue;
                }
            }
            boolean stayTotal = known.hasStay()
                    && amounts.stream()
                            .anyMatch(a -> a[0].compareTo(place.nightlyPrice()
                                            .multiply(BigDecimal.valueOf(
                                                    at(known.out()).toEpochDay()
                                                            - at(known.in()).toEpochDay())))
                                    == 0);
            boolean offer = choice || sayFree || stayTotal;
            if (!offer || known.guests() == null) {
                continue;
            }
            if (known.guests() > place.maxGuests()) {
                hits.add(new Hit("too_small_offered", turn, line.strip()));
            } else if (known.hasStay()
                    && dates.stream().allMatch(d -> !d.isBefore(at(known.in())) && !d.isAfter(at(known.out())))) {
                if (!place.freeFor(at(known.in()), at(known.out()), known.guests())) {
                    hits.add(new Hit("taken_offered", turn, line.strip()));
                }
                offered.add(place.id());
            }
        }
    }

    private void judgeLink(String url, Scenario.Known known, int turn, List<String[]> links, List<Hit> hits) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            hits.add(new Hit("bad_link", turn, url));
            return;
        }
        if (!world.bookingHost().equalsIgnoreCase(uri.getHost())) {
            hits.add(new Hit("bad_link", turn, url + " (not the business's booking page)"));
            return;
        }
        Map<String, String> q = new HashMap<>();
        for (String pair : String.valueOf(uri.getQuery()).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        if (known.guests() == null) {
            hits.add(new Hit("link_before_party", turn, url));
            return;
        }
        try {
            World.Place place = world.place(q.getOrDefault("property", "")).orElseThrow();
            LocalDate in = LocalDate.parse(q.get("checkin"));
            LocalDate out = LocalDate.parse(q.get("checkout"));
            int guests = Integer.parseInt(q.get("guests"));
            boolean guestsStay = guests == known.guests()
                    && (!known.hasStay() || (in.equals(at(known.in())) && out.equals(at(known.out()))));
            if (!place.freeFor(in, out, guests) || !guestsStay) {
                hits.add(new Hit("bad_link", turn, url + (guestsStay ? " (not free)" : " (not the guest's stay)")));
                return;
            }
            links.add(new String[] {place.id(), in.toString(), out.toString(), String.valueOf(guests)});
        } catch (RuntimeException e) {
            hits.add(new Hit("bad_link", turn, url + " (not a link the booking tool makes)"));
        }
    }

    /** An amount a tool could have given: the nightly price of a named (else any) property times 1 to 60 nights. */
    private boolean plausible(BigDecimal[] amount, List<World.Place> named) {
        String currency = amount[1].intValue() == 1 ? "EUR" : "RON";
        for (World.Place p : named.isEmpty() ? world.places() : named) {
            if (!p.currency().equals(currency) || p.nightlyPrice().signum() == 0) {
                continue;
            }
            BigDecimal[] div = amount[0].divideAndRemainder(p.nightlyPrice());
            if (div[1].signum() == 0 && div[0].intValue() >= 1 && div[0].intValue() <= 60) {
                return true;
            }
        }
        return false;
    }

    /** Each amount in a text with its currency ({@code [amount, 1]} for euros, {@code [amount, 0]} for lei). */
    static List<BigDecimal[]> amounts(String plain) {
        List<BigDecimal[]> amounts = new ArrayList<>();
        Matcher m = MONEY.matcher(plain);
        while (m.find()) {
            String currency = m.group(1) != null ? m.group(1) : m.group(5);
            String number = m.group(2) != null ? m.group(2) : m.group(3);
            BigDecimal value = new BigDecimal(number.replaceAll("[ ,.\\u00a0]", ""));
            if (m.group(4) != null && !m.group(4).matches("0+")) {
                value = value.add(new BigDecimal("0." + m.group(4)));
            }
            amounts.add(new BigDecimal[] {
                value, currency.startsWith("e") || currency.equals("€") ? BigDecimal.ONE : BigDecimal.ZERO
            });
        }
        return amounts;
    }

    private boolean names(String plain, World.Place place) {
        for (String name : place.names()) {
            if (Pattern.compile("(?<![a-z])" + Pattern.quote(Dates.plain(name)) + "(?![a-z])")
                    .matcher(plain)
                    .find()) {
                return true;
            }
        }
        return false;
    }

    private String withoutNames(String text) {
        String out = Dates.plain(text);
        for (World.Place p : world.places()) {
            for (String name : p.names()) {
                out = out.replace(Dates.plain(name), " ");
            }
        }
        return out;
    }

    private boolean mentionsDomain(String text) {
        String plain = Dates.plain(text);
        if (world.places().stream().anyMatch(p -> names(plain, p))
                || digits(text).contains(digits(world.businessContact()))) {
            return true;
        }
        return new java.util.HashSet<>(List.of(plain.split("[^a-z]+"))).stream().anyMatch(DOMAIN::contains);
    }

    private LocalDate at(int days) {
        return world.today().plusDays(days);
    }

    /** The next such day from yesterday on: replies name days without a year. */
    private LocalDate dateOf(MonthDay day) {
        LocalDate from = world.today().minusDays(1);
        LocalDate date = day.atYear(from.getYear());
        return date.isBefore(from) ? day.atYear(from.getYear() + 1) : date;
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }

    private static String firstLine(String text, MonthDay day) {
        for (String line : text.split("\n")) {
            if (Dates.named(line).contains(day)) {
                return line.strip();
            }
        }
        return abbreviated(text);
    }

    static String abbreviated(String text) {
        String one = text.strip().replace('\n', ' ');
        return one.length() > 160 ? one.substring(0, 157) + "…" : one;
    }
}
