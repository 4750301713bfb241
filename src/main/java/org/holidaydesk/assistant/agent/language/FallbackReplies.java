package org.holidaydesk.assistant.agent.language;

import java.util.List;
import org.holidaydesk.assistant.agent.AgentReply;

/**
 * What a guest reads when no answer could be made: a way to reach a person, never an error text. In the guest's
 * language when it has a file ({@link Languages}), else in English.
 */
public final class FallbackReplies {

    private FallbackReplies() {}

    /** No agent could answer: the business's contact. The reply needs a person, so that the turn's trace says so. */
    public static AgentReply unavailable(String language, String businessContact) {
        Language words = Languages.all().of(language);
        return new AgentReply(
                List.of(words.reply("fallbackUnavailable", "contact", businessContact)), words.code(), List.of(), true);
    }

    /** Past the per-guest limit on model turns: a polite pause, with a way to reach a person. */
    public static AgentReply slowDown(String language, String businessContact) {
        Language words = Languages.all().of(language);
        return AgentReply.of(words.code(), words.reply("fallbackSlowDown", "contact", businessContact));
    }

    /** After a guest asked to be forgotten. */
    public static AgentReply forgotten(String language) {
        Language words = Languages.all().of(language);
        return AgentReply.of(words.code(), words.reply("fallbackForgotten"));
    }
}
