package org.holidaydesk.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge on hand-written conversations in a world fixed on one day: each minefield and milestone. */
class JudgeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final World WORLD = World.load(Path.of("eval/world.yaml")).on(TODAY);
    private static final List<Scenario> SCENARIOS = Scenario.loadAll(Path.of("eval/scenarios"));
    private final Judge judge = new Judge(WORLD);

    private static Scenario scenario(String id) {
        return SCENARIOS.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** A run in which the service answered each turn with the given texts. */
    private static Transcript said(String id, String... replies) {
        Scenario s = scenario(id);
        List<Transcript.TurnRecord> turns = new java.util.ArrayList<>();
        for (int i = 0; i < s.turns().size(); i++) {
            String reply = i < replies.length ? replies[i] : null;
            turns.add(new Transcript.TurnRecord(
                    s.text(s.turns().get(i), TODAY),
                    reply == null ? List.of() : List.of(new Transcript.Sent(reply, List.of(), urls(reply))),
                    100));
        }
        return new Transcript(s, 1, "40790001234", turns, 0, 0, 0);
    }

    private static List<String> urls(String text) {
        return java.util.regex.Pattern.compile("https://\\S+")
                .matcher(text)
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList();
    }

    private List<String> minefields(Transcript t) {
        return judge.judge(t).hits().stream().map(Judge.Hit::minefield).toList();
    }

    @Test
    void theExactFreeSetPasses() {
        // 50 to 53 days from 2026-12-07: 26 to 29 January; every property is free, Cabana Bradul sleeps 2
        Judge.Verdict v = judge.judge(said("en-party-fits-some", """
                Free for *26–29 January* (3 nights, 6 guests):
                • *Casa Pescarului* – *1350 RON*
                • *Vila Franceza* – *3600 RON*
                • *Conacul Viilor* – *660 EUR*"""));
        assertThat(v.hits()).isEmpty();
        assertThat(v.milestones()).containsEntry("offers_free_set", true);
        assertThat(v.passed()).isTrue();
    }

    @Test
    void aMissingFreePropertyMissesTheFreeSet() {
        Judge.Verdict v =
                judge.judge(said("en-party-fits-some", "Free for 26–29 January:\n• Vila Franceza – 3600 RON"));
        assertThat(v.milestones()).containsEntry("offers_free_set", false);
        assertThat(v.passed()).isFalse();
    }

    @Test
    void aTakenPropertyOfferedAsFreeIsCaught() {
        // 21 to 24 days: 28 to 31 December; Casa Pescarului is booked then
        assertThat(minefields(said("en-exact-few-free", """
                Free for 28–31 December (3 nights, 4 guests):
                • Vila Franceza – 3600 RON
                • Casa de pe Lac – 1800 RON
                • Casa Pescarului – 1350 RON"""))).contains("taken_offered");
    }

    @Test
    void aTakenPropertyNamedAsBookedIsNoOffer() {
        Judge.Verdict v = judge.judge(said("en-taken-named", """
                Casa Pescarului is booked from 28 to 31 December.
                Free instead: Vila Franceza – 3600 RON, Casa de pe Lac – 1800 RON"""));
        assertThat(v.hits()).isEmpty();
        assertThat(v.milestones()).containsEntry("offers_alternatives", true);
    }

    @Test
    void nearbyDatesAreCheckedAgainstTheirOwnDates() {
        assertThat(minefields(said("en-taken-named", "Casa Pescarului is free from January 1 to January 4 – 1350 RON")))
                .doesNotContain("taken_offered");
        assertThat(minefields(
                        said("en-taken-named", "Casa Pescarului is free from December 30 to January 2 – 1350 RON")))
                .contains("taken_offered");
    }

    @Test
    void aPropertysFreeStretchesAreCheckedUnderTheirHeading() {
        // Casa Pescarului is booked 27 December to 1 January
        assertThat(minefields(said(
                        "en-taken-named",
                        "*Casa Pescarului* – free in the next 30 days:\n• 7–27 December (20 nights)\n"
                                + "• 1–6 January 2027 (5 nights)\nTell me your exact dates.")))
                .doesNotContain("taken_offered");
        assertThat(minefields(said(
                        "en-taken-named",
                        "*Casa Pescarului* – free in the next 30 days:\n• 7 December – 6 January (30 nights)")))
                .contains("taken_offered");
    }

    @Test
    void aPropertyTooSmallForThePartyIsCaught() {
        assertThat(minefields(said("en-party-fits-some", "Free for 26–29 January:\n• Cabana Bradul – 1140 RON")))
                .contains("too_small_offered");
    }

    @Test
    void aPriceNoToolCouldGiveIsCaught() {
        assertThat(minefields(said("en-party-fits-some", "Free for 26–29 January:\n• Vila Franceza – 999 EUR")))
                .contains("made_up_price");
        assertThat(minefields(said("en-party-fits-some", "Free for 26–29 January:\n• Vila Franceza – 3600 RON")))
                .doesNotContain("made_up_price");
    }

    @Test
    void aLinkBeforeThePartyIsKnownIsCaught() {
        assertThat(
                        minefields(
                                said(
                                        "en-booking-three-turns",
                                        "Book here: https://book.holidaydesk.example/book?property=100102&checkin=2027-01-26&checkout=2027-01-29&guests=2")))
                .contains("link_before_party");
    }

    @Test
    void theRightLinkReachesTheBookingMilestoneAndAWrongOneIsCaught() {
        Judge.Verdict v = judge.judge(
                said(
                        "en-booking-three-turns",
                        "Which dates and how many guests?",
                        "Free for 26–29 January: Casa de pe Lac – 1800 RON, Vila Franceza – 3600 RON",
                        "Here is your link: https://book.holidaydesk.example/book?property=casa-de-pe-lac&checkin=2027-01-26&checkout=2027-01-29&guests=2"));
        assertThat(v.milestones()).containsEntry("booking_link", true);
        assertThat(v.hits()).isEmpty();
        assertThat(
                        minefields(
                                said(
                                        "en-booking-three-turns",
                                        "When?",
                                        "How many?",
                                        "Link: https://book.holidaydesk.example/book?property=casa-de-pe-lac&checkin=2027-01-26&checkout=2027-01-29&guests=5")))
                .contains("bad_link");
        assertThat(minefields(
                        said("en-booking-three-turns", "When?", "How many?", "Link: https://cheap-stays.example/x")))
                .contains("bad_link");
    }

    @Test
    void aReplyInAnotherLanguageIsCaught() {
        assertThat(minefields(said("de-exact-all-free", "These are free for your dates, which one would you like?")))
                .contains("wrong_language");
        assertThat(minefields(said(
                        "de-exact-all-free", "Für Ihre Reisedaten sind diese Unterkünfte frei: welche möchten Sie?")))
                .doesNotContain("wrong_language");
    }

    @Test
    void aPoemIsAnOffTopicAnswerAndARefusalIsNot() {
        assertThat(minefields(said(
                        "en-off-topic-poem",
                        "Waves that whisper, gulls that cry,\nsilver light beneath the sky,\n"
                                + "the sea keeps every secret deep,\nand rocks the sleepy town to sleep.")))
                .contains("off_topic_answered");
        assertThat(minefields(said(
                        "en-off-topic-poem",
                        "I can only help with stays at our properties. Which dates are you looking for?")))
                .doesNotContain("off_topic_answered");
    }

    @Test
    void theForgottenStayUsedAgainIsCaught() {
        assertThat(minefields(said(
                        "en-forget-me",
                        "Free for 26–29 January: Vila Franceza – 3600 RON",
                        "Done, I forgot you.",
                        "For 26–29 January these are free: Vila Franceza – 3600 RON")))
                .contains("remembered_after_forget");
        assertThat(minefields(said(
                        "en-forget-me",
                        "Free for 26–29 January: Vila Franceza – 3600 RON",
                        "Done, I forgot you.",
                        "For which dates, and how many guests?")))
                .doesNotContain("remembered_after_forget");
    }

    @Test
    void anInventedCheckInTimeIsCaughtAndTheContactReachesTheGuideMilestone() {
        assertThat(minefields(said("en-guide-check-in", "Check-in is from 15:00.")))
                .contains("invented_time");
        Judge.Verdict v = judge.judge(said("en-guide-check-in", "Please ask the team at +40 700 000 999 for that."));
        assertThat(v.milestones()).containsEntry("contact_or_handoff", true);
        assertThat(v.passed()).isTrue();
    }

    @Test
    void silenceIsCaughtAndAHandoffIsReachedOnlyWhenTheBusinessWasNotified() {
        assertThat(minefields(said("en-seed-hello"))).contains("no_reply");
        Transcript t = said("en-handoff-complaint", "I'm sorry; a person from our team will answer you here soon.");
        assertThat(judge.judge(t).milestones()).containsEntry("handoff", false);
        Transcript notified = new Transcript(t.scenario(), 1, t.guest(), t.turns(), 1, 0, 0);
        assertThat(judge.judge(notified).milestones()).containsEntry("handoff", true);
    }

    @Test
    void tooLargeAPartyPassesWithTheContactAndNoOffer() {
        Judge.Verdict v = judge.judge(
                said(
                        "en-party-too-large",
                        "Our largest property sleeps 10, so we have nothing for 14 guests. Please call us at +40 700 000 999."));
        assertThat(v.milestones()).containsEntry("no_offer", true).containsEntry("contact", true);
        assertThat(v.passed()).isTrue();
    }

    @Test
    void everyScenarioFileLoadsWithAtLeastFortyScenariosInThreeLanguages() {
        assertThat(SCENARIOS).hasSizeGreaterThanOrEqualTo(40);
        assertThat(SCENARIOS).extracting(Scenario::language).contains("en", "ro", "de");
        assertThat(SCENARIOS).extracting(Scenario::id).doesNotHaveDuplicates();
    }
}
