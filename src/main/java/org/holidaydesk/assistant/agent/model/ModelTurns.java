package org.holidaydesk.assistant.agent.model;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Body;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.language.FallbackReplies;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.config.ModelProperties;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.inbox.GuestMessages;
import org.springframework.stereotype.Component;

/**
 * Whether a turn goes to the language model: only with a key, and only while the guest stays under
 * {@code assistant.model.turns-per-minute} messages a minute (the bill guard). The count comes from the
 * recorded messages, so it holds across replicas; past it the guest gets a polite pause instead.
 */
@Component("modelTurns")
public class ModelTurns {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ModelProperties model;
    private final GuestMessages messages;
    private final String businessContact;
    private final Clock clock = Clock.systemUTC();

    public ModelTurns(ModelProperties model, GuestMessages messages, ServiceProperties service) {
        this.model = model;
        this.messages = messages;
        this.businessContact = service.businessContact();
    }

    /** True when a model key is set. */
    public boolean enabled() {
        return model.enabled();
    }

    /** True when the guest wrote more than the model may answer within the last minute. */
    public boolean overLimit(@Body LeasedTurn turn) {
        return messages.answerableSince(turn.guestId(), clock.instant().minus(MINUTE)) > model.turnsPerMinute();
    }

    /** The polite pause past the limit. */
    public AgentReply slowDown(@Body LeasedTurn turn) {
        return FallbackReplies.slowDown(LanguageGuess.of(turn.turn()), businessContact);
    }
}
