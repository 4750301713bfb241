package org.holidaydesk.assistant.agent.language;

import java.util.List;

import org.holidaydesk.assistant.agent.AgentReply;


/** What a guest reads when no answer could be made: a way to reach a person, never an error text. */
public final class FallbackReplies {

    private FallbackReplies() {
    }

    /** No agent could answer: the business's contact. The reply needs a person, so that the turn's trace says so. */
    public static AgentReply unavailable(String language, String businessContact) {
        if (LanguageGuess.ROMANIAN.equals(language)) {
            return new AgentReply(List.of("Îmi pare rău, nu pot verifica disponibilitatea chiar acum. "
                    + "Vă rog încercați din nou în câteva minute sau contactați-ne direct la " + businessContact + "."),
                    language, List.of(), true);
        }
        return new AgentReply(List.of("Sorry, I can't check availability right now. "
                + "Please try again in a few minutes, or reach us directly at " + businessContact + "."),
                LanguageGuess.ENGLISH, List.of(), true);
    }

    /** Past the per-guest limit on model turns: a polite pause, with a way to reach a person. */
    public static AgentReply slowDown(String language, String businessContact) {
        if (LanguageGuess.ROMANIAN.equals(language)) {
            return AgentReply.of(language, "Primesc mesajele mai repede decât pot răspunde cu grijă. "
                    + "Vă rog scrieți-mi din nou peste un minut, sau contactați-ne la " + businessContact + ".");
        }
        return AgentReply.of(LanguageGuess.ENGLISH, "Your messages are coming in faster than I can answer them well. "
                + "Please write again in a minute, or reach us at " + businessContact + ".");
    }

    /** After a guest asked to be forgotten. */
    public static AgentReply forgotten(String language) {
        if (LanguageGuess.ROMANIAN.equals(language)) {
            return AgentReply.of(language, "Gata: am șters conversația noastră și tot ce îmi aminteam despre dumneavoastră. "
                    + "Dacă ne scrieți din nou, o luăm de la capăt.");
        }
        return AgentReply.of(LanguageGuess.ENGLISH, "Done: I have deleted our conversation and everything I remembered "
                + "about you. If you write again, we start afresh.");
    }
}
