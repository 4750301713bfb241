package org.holidaydesk.assistant.agent;

/** What a guest reads when no answer could be made: a way to reach a person, never an error text. */
public final class FallbackReplies {

    private FallbackReplies() {
    }

    public static AgentReply unavailable(String language, String businessContact) {
        if (LanguageGuess.ROMANIAN.equals(language)) {
            return AgentReply.of(language, "Îmi pare rău, nu pot verifica disponibilitatea chiar acum. "
                    + "Vă rog încercați din nou în câteva minute sau contactați-ne direct la " + businessContact + ".");
        }
        return AgentReply.of(LanguageGuess.ENGLISH, "Sorry, I can't check availability right now. "
                + "Please try again in a few minutes, or reach us directly at " + businessContact + ".");
    }
}
