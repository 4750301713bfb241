package org.holidaydesk.assistant.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.tools.FakePropertyTools;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.agent.tools.SampleCatalog;
import org.holidaydesk.assistant.config.AppEnvironment;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.junit.jupiter.api.Test;

/**
 * The guest is answered in the language they write, also in a few Romanian words typed without
 * diacritics or abbreviated on a phone, and a property's name is no sign of either language.
 */
class OfflineAgentLanguageTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Bucharest"));

    private final FakePropertyTools tools = SampleCatalog.tools();
    private final OfflineAgent agent = new OfflineAgent(
            tools,
            new MemoryGuestContexts(),
            new ServiceProperties(AppEnvironment.DEVELOPMENT, "+40 700 000 000", null));
    private final AtomicInteger messageIds = new AtomicInteger();
    private final Wording romanian = Wording.of(LanguageGuess.ROMANIAN, TODAY);
    private final Wording english = Wording.of(LanguageGuess.ENGLISH, TODAY);

    private AgentReply reply(String guest, String hint, String text) {
        return agent.answer(new GuestTurn(
                guest,
                null,
                hint,
                List.of(new TurnMessage(
                        "wamid." + messageIds.incrementAndGet(), MessageKind.TEXT, text, Instant.now())),
                TODAY));
    }

    @Test
    void aShortRomanianMessageWithoutDiacriticsIsAnsweredInRomanian() {
        AgentReply reply = reply("g1", null, "buna, aveti ceva liber pt 2 pers?");

        assertThat(reply.language()).isEqualTo(LanguageGuess.ROMANIAN);
        assertThat(reply.parts().get(0)).startsWith(romanian.hello()).contains(romanian.askDates(2));
    }

    @Test
    void abbreviatedDatesAndPartyInRomanianAreAnsweredInRomanian() {
        tools.search = (in, out, guests, property) -> new PropertyTools.Availability(
                in,
                out,
                (int) (out.toEpochDay() - in.toEpochDay()),
                guests,
                null,
                List.of(FakePropertyTools.offer(SampleCatalog.CASA, in, out, 0)),
                1,
                new PropertyTools.Alternatives(List.of(), List.of()));

        AgentReply reply = reply("g1", LanguageGuess.ENGLISH, "pt 4 pers 3 nopti de maine");

        assertThat(reply.language()).isEqualTo(LanguageGuess.ROMANIAN);
        assertThat(reply.parts().get(0)).contains(romanian.freeFor(TODAY.plusDays(1), TODAY.plusDays(4), 3, 4));
        assertThat(tools.calls).contains("search_availability " + TODAY.plusDays(1) + " " + TODAY.plusDays(4) + " 4");
    }

    @Test
    void aRomanianQuestionAboutAPropertyWithoutDiacritics() {
        AgentReply reply = reply("g1", null, "cat costa Casa Pescarului pe noapte?");

        assertThat(reply.language()).isEqualTo(LanguageGuess.ROMANIAN);
        assertThat(reply.parts().get(0))
                .contains(romanian.place().nightlyPrice(tools.details.answer("Casa Pescarului")));
    }

    @Test
    void aPropertysNameAloneKeepsTheLanguageOfTheConversation() {
        tools.calendar = (property, from) -> new PropertyTools.Calendar(
                SampleCatalog.LAC.id(),
                SampleCatalog.LAC.name(),
                TODAY,
                TODAY.plusDays(30),
                30,
                List.of(new PropertyTools.Range(TODAY, TODAY.plusDays(30))),
                List.of(),
                1);
        // a tapped choice carries only the name
        assertThat(reply("g1", LanguageGuess.ROMANIAN, "Casa de pe Lac").language())
                .isEqualTo(LanguageGuess.ROMANIAN);
        assertThat(reply("g2", LanguageGuess.ENGLISH, "Casa de pe Lac").language())
                .isEqualTo(LanguageGuess.ENGLISH);
    }

    @Test
    void englishAroundARomanianNameIsAnsweredInEnglish() {
        AgentReply reply = reply("g1", LanguageGuess.ROMANIAN, "Where is Casa de pe Lac?");

        assertThat(reply.language()).isEqualTo(LanguageGuess.ENGLISH);
        assertThat(reply.parts().get(0)).contains(english.place().location(tools.details.answer("Casa de pe Lac")));
    }
}
