package org.holidaydesk.assistant.agent.intents;

import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.language.FallbackReplies;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.language.PlainText;
import org.holidaydesk.assistant.agent.offline.GuestContexts;
import org.holidaydesk.assistant.funnel.BillableMessages;
import org.holidaydesk.assistant.memory.ChatMemories;
import org.holidaydesk.assistant.memory.Mem0Client;
import org.holidaydesk.assistant.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A guest's right to be forgotten: "forget me", "delete my data", "șterge-mi datele" and close variants
 * in English and Romanian erase that guest's conversation with the model, the offline agent's context
 * and their Mem0 memories, and the guest is told so in their language. Operators do the same with
 * {@code DELETE /actuator/guests/{id}}. Other guests keep everything.
 */
@Component("forgetMe")
public class ForgetMe {

    private static final Logger LOG = LoggerFactory.getLogger(ForgetMe.class);

    private static final Pattern ASKS = Pattern.compile("\\b("
            // English
            + "forget (about )?me"
            + "|forget (everything|all) (about me|i (said|told you|wrote))"
            + "|(delete|erase|remove|wipe|clear) (all )?(of )?my (personal )?(data|info|information|details|history|conversation|messages|memory)"
            + "|(delete|erase|remove|wipe) (everything|all) (about me|you (know|have|remember) (about|of) me)"
            // Romanian, diacritics and hyphens already gone: "uită-mă", "șterge-mi datele", "ștergeți datele mele"
            + "|uita ?ma|uitati ?ma"
            + "|(sterge|stergeti|sterg)( mi| imi)? (toate )?(datele|informatiile|conversatia|istoricul)( mele| noastra)?"
            + "|(sterge|stergeti) (tot|totul) (ce stii |ce stiti )?despre mine"
            // German, umlauts gone: "vergiss mich", "lösche meine Daten"
            + "|vergiss (mich|alles)|vergessen sie mich"
            + "|(losch|losche|loschen sie|loscht)( bitte)? (alle )?(meine|unsere) (daten|nachrichten|unterhaltung|angaben)"
            + ")\\b");

    private final ChatMemories chatMemories;
    private final GuestContexts contexts;
    private final Mem0Client mem0;
    private final BillableMessages billing;

    ForgetMe(ChatMemories chatMemories, GuestContexts contexts, Mem0Client mem0, BillableMessages billing) {
        this.chatMemories = chatMemories;
        this.contexts = contexts;
        this.mem0 = mem0;
        this.billing = billing;
    }

    /** True when the guest asks, in this turn, to be forgotten. */
    public boolean asks(@Body LeasedTurn turn) {
        return asks(turn.turn().text());
    }

    static boolean asks(String text) {
        return PlainText.says(text, ASKS);
    }

    /** Forgets the guest and answers them. */
    public AgentReply erase(@Body LeasedTurn turn) {
        forget(turn.guestId());
        return FallbackReplies.forgotten(LanguageGuess.of(turn.turn()));
    }

    /**
     * Erases everything the assistant remembers of one guest. Returns false when Mem0 did not confirm
     * its part (the local memory is erased regardless).
     */
    public boolean forget(String guestId) {
        chatMemories.forget(guestId);
        contexts.forget(guestId);
        billing.forget(guestId);
        boolean mem0Erased = mem0.forget(guestId);
        LOG.info(
                "Forgot guest {} at their request{}",
                Masking.recipient(guestId),
                mem0Erased ? "" : " (Mem0 did not confirm; its memories may remain)");
        return mem0Erased;
    }
}
