package org.holidaydesk.assistant.agent.offline;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Parties as guests write them, generated with the number of guests they mean: compositions (adults,
 * children, babies), totals (with the children in them, or added to them), couples, friends and families,
 * in English and in Romanian (gendered number words, with and without diacritics), numbers in digits or
 * in words.
 */
final class GeneratedParties {

    /** A way of writing a party, and how many guests it is. */
    record Party(String words, int guests) {

        @Override
        public String toString() {
            return "\"" + words + "\" (" + guests + ")";
        }
    }

    private enum Gender {
        MASCULINE,
        FEMININE
    }

    private static final String[] ENGLISH = {
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"
    };
    private static final String[] ROMANIAN = {
        "", "unu", "doi", "trei", "patru", "cinci", "șase", "șapte", "opt", "nouă", "zece", "unsprezece", "doisprezece"
    };

    private GeneratedParties() {}

    static Arbitrary<Party> parties() {
        return Arbitraries.oneOf(english(), romanian());
    }

    // ---- English ----

    private static Arbitrary<Party> english() {
        Arbitrary<Integer> adults = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> children = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> babies = Arbitraries.integers().between(0, 2);
        Arbitrary<Boolean> inWords = Arbitraries.of(true, false);
        Arbitrary<Party> composition = Combinators.combine(adults, children, babies, inWords)
                .as((a, k, b, w) -> {
                    List<String> parts = new ArrayList<>();
                    parts.add(english(a, w, "adult", "adults", true));
                    if (k > 0) {
                        parts.add(english(k, w, "child", "children", false));
                    }
                    if (b > 0) {
                        parts.add(english(b, w, "baby", "babies", false));
                    }
                    return new Party(join(parts, ", ", " and "), a + k + b);
                });
        Arbitrary<Integer> total = Arbitraries.integers().between(1, 12);
        Arbitrary<Party> stated = Combinators.combine(
                        total, inWords, Arbitraries.integers().between(0, 4))
                .as((n, w, form) -> {
                    String number = number(n, w);
                    return switch (form) {
                        case 0 -> new Party("we are " + number, n);
                        case 1 -> new Party("for " + number + " " + (n == 1 ? "person" : "people"), n);
                        case 2 -> new Party(number + " " + (n == 1 ? "guest" : "guests"), n);
                        case 3 -> new Party("a party of " + number, n);
                        default -> new Party("a family of " + number, n);
                    };
                });
        Arbitrary<Party> including = Combinators.combine(
                        Arbitraries.integers().between(2, 12), inWords, Arbitraries.of(true, false))
                .as((n, w, comma) -> {
                    int kids = Math.max(1, n / 2);
                    return comma
                            ? new Party(
                                    "we are " + number(n, w) + ", including "
                                            + english(kids, w, "child", "children", false),
                                    n)
                            : new Party(number(n, w) + " people, " + number(kids, w) + " of them kids", n);
                });
        Arbitrary<Party> added = Combinators.combine(
                        adults, Arbitraries.integers().between(1, 3), inWords)
                .as((a, k, w) ->
                        new Party("we are " + number(a, w) + " plus " + english(k, w, "kid", "kids", false), a + k));
        Arbitrary<Party> couples = Combinators.combine(Arbitraries.integers().between(1, 4), children, inWords)
                .as((c, k, w) -> {
                    String pairs = c == 1 ? "a couple" : number(c, w) + " couples";
                    return new Party(
                            k == 0 ? pairs : pairs + " with " + english(k, w, "kid", "kids", false), 2 * c + k);
                });
        Arbitrary<Party> friends = Combinators.combine(Arbitraries.integers().between(2, 9), inWords)
                .as((f, w) -> new Party("me and " + number(f, w) + " friends", f + 1));
        return Arbitraries.oneOf(composition, stated, including, added, couples, friends);
    }

    private static String english(int n, boolean inWords, String one, String many, boolean vowel) {
        if (n == 1) {
            return (inWords ? (vowel ? "an " : "a ") : "1 ") + one;
        }
        return number(n, inWords) + " " + many;
    }

    private static String number(int n, boolean inWords) {
        return inWords && n <= 12 ? ENGLISH[n] : Integer.toString(n);
    }

    // ---- Romanian ----

    private static Arbitrary<Party> romanian() {
        Arbitrary<Integer> adults = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> children = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> babies = Arbitraries.integers().between(0, 2);
        Arbitrary<Boolean> inWords = Arbitraries.of(true, false);
        Arbitrary<Boolean> diacritics = Arbitraries.of(true, false);
        Arbitrary<Party> composition = Combinators.combine(adults, children, babies, inWords, diacritics)
                .as((a, k, b, w, d) -> {
                    List<String> parts = new ArrayList<>();
                    parts.add(romanian(a, w, Gender.MASCULINE, "adult", "adulți"));
                    if (k > 0) {
                        parts.add(romanian(k, w, Gender.MASCULINE, "copil", "copii"));
                    }
                    if (b > 0) {
                        parts.add(romanian(b, w, Gender.MASCULINE, "bebeluș", "bebeluși"));
                    }
                    return new Party(plain(join(parts, ", ", " și "), d), a + k + b);
                });
        Arbitrary<Integer> total = Arbitraries.integers().between(1, 12);
        Arbitrary<Party> stated = Combinators.combine(
                        total, inWords, diacritics, Arbitraries.integers().between(0, 3))
                .as((n, w, d, form) -> switch (form) {
                    case 0 -> new Party(plain("suntem " + romanian(n, w, Gender.MASCULINE), d), n);
                    case 1 ->
                        new Party(plain("pentru " + romanian(n, w, Gender.FEMININE, "persoană", "persoane"), d), n);
                    case 2 -> new Party(plain("un grup de " + romanian(n, w, Gender.MASCULINE), d), n);
                    default -> new Party(plain("o familie de " + romanian(n, w, Gender.MASCULINE), d), n);
                });
        Arbitrary<Party> including = Combinators.combine(Arbitraries.integers().between(2, 12), inWords, diacritics)
                .as((n, w, d) -> new Party(
                        plain(
                                "suntem " + romanian(n, w, Gender.FEMININE, "persoană", "persoane") + ", dintre care "
                                        + romanian(Math.max(1, n / 2), w, Gender.MASCULINE, "copil", "copii"),
                                d),
                        n));
        Arbitrary<Party> added = Combinators.combine(
                        adults, Arbitraries.integers().between(1, 3), inWords, diacritics)
                .as((a, k, w, d) -> new Party(
                        plain(
                                romanian(a, w, Gender.MASCULINE, "adult", "adulți") + " + "
                                        + romanian(k, w, Gender.MASCULINE, "copil", "copii"),
                                d),
                        a + k));
        Arbitrary<Party> couples = Combinators.combine(
                        Arbitraries.integers().between(1, 4), children, inWords, diacritics)
                .as((c, k, w, d) -> {
                    // "cuplu" is neuter: "un cuplu", "două cupluri"
                    String pairs = c == 1 ? "un cuplu" : romanian(c, w, Gender.FEMININE) + " cupluri";
                    String words = k == 0 ? pairs : pairs + " cu " + romanian(k, w, Gender.MASCULINE, "copil", "copii");
                    return new Party(plain(words, d), 2 * c + k);
                });
        Arbitrary<Party> friends = Combinators.combine(Arbitraries.integers().between(2, 9), inWords, diacritics)
                .as((f, w, d) -> new Party(plain("eu și " + romanian(f, w, Gender.MASCULINE) + " prieteni", d), f + 1));
        return Arbitraries.oneOf(composition, stated, including, added, couples, friends);
    }

    private static String romanian(int n, boolean inWords, Gender gender, String one, String many) {
        if (n == 1) {
            return (inWords ? (gender == Gender.FEMININE ? "o " : "un ") : "1 ") + one;
        }
        return romanian(n, inWords, gender) + " " + many;
    }

    /** Romanian's gendered numbers: "doi"/"două", "doisprezece"/"douăsprezece". */
    private static String romanian(int n, boolean inWords, Gender gender) {
        if (!inWords || n > 12) {
            return Integer.toString(n);
        }
        if (gender == Gender.FEMININE) {
            if (n == 1) {
                return "una";
            }
            if (n == 2) {
                return "două";
            }
            if (n == 12) {
                return "douăsprezece";
            }
        }
        return ROMANIAN[n];
    }

    /** Without diacritics, as many guests type on a phone. */
    private static String plain(String words, boolean withDiacritics) {
        if (withDiacritics) {
            return words;
        }
        return words.replace('ă', 'a')
                .replace('â', 'a')
                .replace('î', 'i')
                .replace('ș', 's')
                .replace('ț', 't');
    }

    private static String join(List<String> parts, String between, String last) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(between, parts.subList(0, parts.size() - 1)) + last + parts.get(parts.size() - 1);
    }
}
