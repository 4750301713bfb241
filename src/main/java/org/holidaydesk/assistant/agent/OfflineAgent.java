package org.holidaydesk.assistant.agent;

import org.holidaydesk.assistant.webhook.MessageKind;
import java.util.List;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The assistant without a language model: it reads dates, party size, property names and greetings from
 * the guest's words in English or Romanian, answers from the same MCP property tools the model uses, and
 * remembers what the guest has told so far ({@link GuestContexts}) so that a request can be completed
 * over several messages. It answers when no model is configured, and is what the model's agent falls
 * back to.
 *
 * <p>Messages it cannot read (voice notes, images, ...) get a short answer saying what it can do; when
 * the turn also has text, the text is answered with one line about the rest. When the tools cannot be
 * reached the guest gets {@link FallbackReplies#unavailable}, never an error: this method does not throw.
 */
@Component("offlineAgent")
public class OfflineAgent implements GuestAgent {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineAgent.class);

    private final PropertyTools tools;
    private final GuestContexts contexts;
    private final AvailabilityAnswers answers;
    private final String businessContact;

    OfflineAgent(PropertyTools tools, GuestContexts contexts, ServiceProperties service) {
        this.tools = tools;
        this.contexts = contexts;
        this.businessContact = service.businessContact();
        this.answers = new AvailabilityAnswers(tools, businessContact);
    }

    @Override
    public AgentReply answer(GuestTurn turn) {
        String text = turn.text();
        String fallbackLanguage = turn.languageHint() == null ? LanguageGuess.ENGLISH : turn.languageHint();
        String language = LanguageGuess.of(text, fallbackLanguage);
        Wording words = Wording.of(language, turn.today());
        MessageKind unreadable = turn.messages().stream().map(TurnMessage::kind)
                .filter(kind -> kind.handling() == MessageKind.Handling.CAPABILITIES)
                .findFirst().orElse(null);
        if (text.isBlank()) {
            if (unreadable != null) {
                return AgentReply.of(words.language(), words.capabilities(unreadable));
            }
            boolean anythingToAnswer = turn.messages().stream().anyMatch(m -> m.kind().handling() == MessageKind.Handling.AGENT);
            if (!anythingToAnswer) {
                // reactions and system messages are not answered
                return new AgentReply(List.of(), words.language());
            }
        }
        try {
            String answer = answerText(turn, text, words);
            if (unreadable != null) {
                answer = answer + "\n" + words.answeredTheText(unreadable);
            }
            return AgentReply.of(words.language(), answer);
        } catch (ToolsUnavailableException e) {
            LOG.warn("Property tools unavailable, the guest gets the fallback answer: {}", e.getMessage());
            return FallbackReplies.unavailable(words.language(), businessContact);
        } catch (RuntimeException e) {
            LOG.error("Offline answer failed ({}), the guest gets the fallback answer", e.getClass().getName(), e);
            return FallbackReplies.unavailable(words.language(), businessContact);
        }
    }

    private String answerText(GuestTurn turn, String text, Wording words) {
        List<PropertyTools.PropertySummary> catalog = tools.listProperties();
        GuestRequest request = RequestReader.read(text, turn.today(),
                catalog.stream().map(PropertyTools.PropertySummary::name).toList());
        GuestContext before = contexts.load(turn.guestId()).asOf(turn.today());
        AvailabilityAnswers.Outcome outcome;
        boolean anotherPropertyForTheSameStay = request.anyProperty() && (before.hasStay() || before.month() != null);
        if (request.asksNothing() && !anotherPropertyForTheSameStay) {
            if (request.thanks() && !request.greeting()) {
                return words.thanks();
            }
            outcome = answers.welcome(before, catalog, words);
        } else {
            outcome = answers.answer(before.with(request), catalog, words, turn.today());
        }
        if (!outcome.context().equals(before)) {
            contexts.save(turn.guestId(), outcome.context());
        }
        return request.greeting() ? words.hello() + "\n" + outcome.text() : outcome.text();
    }
}
