package org.holidaydesk.assistant.agent.offline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.BookingButton;
import org.holidaydesk.assistant.agent.GuestAgent;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.language.FallbackReplies;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.offline.reading.Fact;
import org.holidaydesk.assistant.agent.offline.reading.Feature;
import org.holidaydesk.assistant.agent.offline.reading.GuestRequest;
import org.holidaydesk.assistant.agent.offline.reading.GuideTopic;
import org.holidaydesk.assistant.agent.offline.reading.RequestReader;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.agent.tools.ToolRefusedException;
import org.holidaydesk.assistant.agent.tools.ToolsUnavailableException;
import org.holidaydesk.assistant.config.BookingProperties;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.reply.Choice;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The assistant without a language model: it reads dates, party size, property names, greetings, what
 * the guest asks about a property (price, location, size, pets, parking, ...) and what they want of a
 * place (romantic, family, mountains, ...) and what the house guide answers (check-in, breakfast, cancellation,
 * ...) from the guest's words in any language with a file ({@code language/*.yaml}: English, Romanian, German),
 * answers from the same MCP property tools the model uses, and remembers what the guest has told so far
 * ({@link GuestContexts}) so that a request can be completed over several messages. It answers when no
 * model is configured, and is what the model's agent falls back to.
 *
 * <p>A question about a property is answered from its details, keeping the conversation's dates for the
 * next question; dates in the same message get their availability answer after it. When an answer asks
 * the guest to pick one of 2 to 10 properties (free on their dates, or having what another lacks), they
 * are also offered as choices to tap, titled with their names.
 *
 * <p>Messages it cannot read (voice notes, images, ...) get a short answer saying what it can do; when
 * the turn also has text, the text is answered with one line about the rest. When the tools cannot be
 * reached the guest gets {@link FallbackReplies#unavailable}, never an error: this method does not throw.
 */
@Component("offlineAgent")
public class OfflineAgent implements GuestAgent {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineAgent.class);
    /** Most choices one WhatsApp list carries. */
    private static final int MOST_CHOICES = 10;
    /** Wishes that describe the party more than a place: they rank what is offered, they ask nothing of one property. */
    private static final Set<String> PARTY_WORDS = Set.of("family", "couples", "groups");

    private final PropertyTools tools;
    private final GuestContexts contexts;
    private final AvailabilityAnswers answers;
    private final PropertyAnswers propertyAnswers;
    private final GuideAnswers guideAnswers;
    private final String businessContact;

    public OfflineAgent(PropertyTools tools, GuestContexts contexts, ServiceProperties service) {
        this(tools, contexts, service, false);
    }

    /** With a published date picker ({@code WHATSAPP_DATES_FLOW_ID}), vague dates are answered with its calendar too. */
    @org.springframework.beans.factory.annotation.Autowired
    public OfflineAgent(
            PropertyTools tools, GuestContexts contexts, ServiceProperties service, BookingProperties booking) {
        this(tools, contexts, service, booking.datePicker());
    }

    OfflineAgent(PropertyTools tools, GuestContexts contexts, ServiceProperties service, boolean datePicker) {
        this.tools = tools;
        this.contexts = contexts;
        this.businessContact = service.businessContact();
        this.answers = new AvailabilityAnswers(tools, businessContact, datePicker);
        this.propertyAnswers = new PropertyAnswers(tools, businessContact);
        this.guideAnswers = new GuideAnswers(tools, businessContact);
    }

    @Override
    public AgentReply answer(GuestTurn turn) {
        String text = turn.text();
        String fallbackLanguage = LanguageGuess.hint(turn);
        String language = LanguageGuess.of(text, fallbackLanguage);
        Wording words = Wording.of(language, turn.today());
        MessageKind unreadable = turn.messages().stream()
                .map(TurnMessage::kind)
                .filter(kind -> kind.handling() == MessageKind.Handling.CAPABILITIES)
                .findFirst()
                .orElse(null);
        if (text.isBlank()) {
            if (unreadable != null) {
                return AgentReply.of(words.language(), words.capabilities(unreadable));
            }
            boolean anythingToAnswer =
                    turn.messages().stream().anyMatch(m -> m.kind().handling() == MessageKind.Handling.AGENT);
            if (!anythingToAnswer) {
                // reactions and system messages are not answered
                return new AgentReply(List.of(), words.language());
            }
        }
        try {
            List<PropertyTools.PropertySummary> catalog = tools.listProperties();
            GuestRequest request = RequestReader.read(text, turn.today(), catalog, fallbackLanguage);
            Wording inTheirWords = Wording.of(request.language(), turn.today());
            Outcome outcome = answerRequest(turn, request, catalog, inTheirWords);
            String answer = outcome.text();
            if (unreadable != null) {
                answer = answer + "\n" + inTheirWords.answeredTheText(unreadable);
            }
            PropertyTools.BookingLink link = outcome.link();
            return new AgentReply(List.of(answer), inTheirWords.language(), choices(outcome.offered()))
                    .withFunnel(
                            outcome.free(),
                            link == null
                                    ? null
                                    : new BookingButton(link.propertyId(), link.url(), link.checkIn(), link.checkOut()),
                            outcome.dates());
        } catch (ToolsUnavailableException e) {
            LOG.warn("Property tools unavailable, the guest gets the fallback answer: {}", e.getMessage());
            return FallbackReplies.unavailable(words.language(), businessContact);
        } catch (RuntimeException e) {
            LOG.error(
                    "Offline answer failed ({}), the guest gets the fallback answer",
                    e.getClass().getName(),
                    e);
            return FallbackReplies.unavailable(words.language(), businessContact);
        }
    }

    private Outcome answerRequest(
            GuestTurn turn, GuestRequest request, List<PropertyTools.PropertySummary> catalog, Wording words) {
        GuestContext before = contexts.load(turn.guestId()).asOf(turn.today());
        GuestContext known = before.with(request);
        Outcome outcome;
        try {
            outcome = route(request, before, known, catalog, words, turn);
        } catch (ToolRefusedException refused) {
            outcome = answers.refusal(refused, known, catalog, words);
        }
        if (!outcome.context().equals(before)) {
            contexts.save(turn.guestId(), outcome.context());
        }
        if (usesTheRememberedProperty(request, before, outcome)) {
            outcome = outcome.withText(words.remembered(outcome.context().property()) + "\n" + outcome.text());
        }
        return request.greeting() ? outcome.withText(words.hello() + "\n" + outcome.text()) : outcome;
    }

    /**
     * Whether the answer is about the property an earlier message named, this one naming none: the answer then says
     * so ("For *Casa Pescarului*, which you asked about:"), so that the guest sees what was remembered.
     */
    private static boolean usesTheRememberedProperty(GuestRequest request, GuestContext before, Outcome outcome) {
        boolean asks = !request.asksNothing() || request.availability();
        return asks
                && request.property() == null
                && !request.anyProperty()
                && before.property() != null
                && before.property().equals(outcome.context().property());
    }

    /**
     * Which answer the words ask for: about one property (its details, then its availability when the
     * message also says when or asks whether it is free), about the properties in general, or about free
     * dates as before.
     */
    private Outcome route(
            GuestRequest request,
            GuestContext before,
            GuestContext known,
            List<PropertyTools.PropertySummary> catalog,
            Wording words,
            GuestTurn turn) {
        Set<Fact> facts = request.facts().isEmpty() ? EnumSet.noneOf(Fact.class) : EnumSet.copyOf(request.facts());
        // "how much for a night?" asks a price; "how much from the 10th to the 15th?" asks for the stay's
        boolean datesOrMonth = request.checkIn() != null || request.month() != null;
        if (datesOrMonth) {
            // an availability answer gives the price of the stay itself
            facts.remove(Fact.PRICE);
        }
        List<Feature> asked = request.features().stream()
                .filter(f -> !PARTY_WORDS.contains(f.term()))
                .toList();
        String property =
                request.property() != null ? request.property() : request.anyProperty() ? null : before.property();
        if (request.asksTheGuide()) {
            Outcome guide = guide(request, known, property, facts, asked, catalog, words, turn);
            if (guide != null) {
                return guide;
            }
        }
        if (property != null && (!facts.isEmpty() || !asked.isEmpty())) {
            boolean alsoAvailability = request.saysWhen() || request.availability();
            Outcome details = propertyAnswers.answer(property, known, facts, asked, catalog, words, !alsoAvailability);
            if (!alsoAvailability) {
                return details;
            }
            Outcome availability = answers.answer(details.context(), catalog, words, turn.today());
            List<String> offered = new ArrayList<>(details.offered());
            availability.offered().stream()
                    .filter(name -> !offered.contains(name))
                    .forEach(offered::add);
            return new Outcome(
                    details.text() + "\n" + availability.text(),
                    availability.context(),
                    offered,
                    availability.free(),
                    availability.link(),
                    availability.dates());
        }
        if (property == null && !facts.isEmpty() && !datesOrMonth) {
            return answers.catalogFacts(known, facts, catalog, words);
        }
        boolean anotherPropertyForTheSameStay = request.anyProperty() && (before.hasStay() || before.month() != null);
        // "is it free?" after a property or dates asks about those
        boolean stillTheSameStay = request.availability() && (before.property() != null || before.hasStay());
        if (request.asksNothing() && !anotherPropertyForTheSameStay && !stillTheSameStay) {
            if (request.thanks() && !request.greeting()) {
                return new Outcome(words.thanks(), before);
            }
            return answers.welcome(before, catalog, words);
        }
        return answers.answer(known, catalog, words, turn.today());
    }

    /**
     * The house guide's answer, then what else the words ask: the property's other details, its availability when
     * the words say when. Null when the guide has nothing for what was asked, which the other answers then take.
     * A topic the catalog answers too (parking, pets) is the guide's when it has it, else the catalog's; without a
     * property, a search's wishes (pets, parking) stay wishes.
     */
    private Outcome guide(
            GuestRequest request,
            GuestContext known,
            String property,
            Set<Fact> facts,
            List<Feature> asked,
            List<PropertyTools.PropertySummary> catalog,
            Wording words,
            GuestTurn turn) {
        Set<GuideTopic> topics = EnumSet.copyOf(request.guideTopics());
        boolean searching = request.saysWhen() || request.guests() != null || request.availability();
        if (property == null && searching) {
            topics.removeIf(GuideTopic::alsoInCatalog);
        }
        if (topics.isEmpty()) {
            return null;
        }
        GuideAnswers.Answer guide = guideAnswers.answer(property, topics, request.plainWords(), words);
        if (guide.lines().isEmpty()) {
            return null;
        }
        topics.removeAll(guide.leftToTheCatalog());
        Set<Fact> otherFacts = EnumSet.noneOf(Fact.class);
        otherFacts.addAll(facts);
        if (topics.contains(GuideTopic.DIRECTIONS) || topics.contains(GuideTopic.PARKING)) {
            otherFacts.remove(Fact.LOCATION);
        }
        if (topics.contains(GuideTopic.PAYMENT) || topics.contains(GuideTopic.CANCELLATION)) {
            otherFacts.remove(Fact.PRICE);
        }
        if (topics.contains(GuideTopic.INCLUDED) || topics.contains(GuideTopic.BREAKFAST)) {
            otherFacts.remove(Fact.AMENITIES);
        }
        List<Feature> otherFeatures = asked.stream()
                .filter(f -> !(topics.contains(GuideTopic.PETS) && Feature.PETS.equals(f.term())))
                .filter(f -> !(topics.contains(GuideTopic.PARKING) && "parking".equals(f.term())))
                .toList();
        GuestContext resolved = guide.property() == null ? known : known.withProperty(guide.property());
        AnswerLines lines = new AnswerLines();
        guide.lines().forEach(lines::add);
        List<String> offered = new ArrayList<>();
        if (property != null && (!otherFacts.isEmpty() || !otherFeatures.isEmpty())) {
            Outcome details =
                    propertyAnswers.answer(property, resolved, otherFacts, otherFeatures, catalog, words, false);
            lines.add(details.text());
            offered.addAll(details.offered());
        }
        if (request.saysWhen() || request.availability() || request.guests() != null) {
            Outcome availability = answers.answer(resolved, catalog, words, turn.today());
            lines.add(availability.text());
            availability.offered().stream()
                    .filter(name -> !offered.contains(name))
                    .forEach(offered::add);
            return new Outcome(lines.text(), availability.context(), offered);
        }
        return new Outcome(lines.text(), resolved, offered);
    }

    /** Properties offered to choose from, as buttons or a list when there are 2 to 10 of them. */
    private static List<Choice> choices(List<String> offered) {
        if (offered.size() < 2) {
            return List.of();
        }
        return offered.stream()
                .limit(MOST_CHOICES)
                .map(name -> new Choice(null, name))
                .toList();
    }
}
