package org.holidaydesk.assistant.agent.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.language.BookingWording;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.reply.Choice;
import org.springframework.stereotype.Component;

/**
 * Turns the model's answer into what the guest gets: WhatsApp formatting (markdown bold, headings and
 * links rewritten, since WhatsApp shows them as typed), and the {@code [choices: A | B]} line the
 * instructions ask for turned into options the guest can tap, and a {@code [handoff]} line into a turn
 * that needs a person. An answer with no text left fails the
 * turn, so that the offline agent answers instead of silence.
 */
@Component("modelReplies")
public class ModelReplies {

    static final int MAX_CHOICES = 10;

    private static final Pattern CHOICES =
            Pattern.compile("(?im)^[ \\t]*\\[(?:choices|options)\\s*:\\s*([^\\]\\n]*)\\][ \\t]*$");
    private static final Pattern NEEDS_PERSON = Pattern.compile("(?im)^[ \\t]*\\[(?:handoff|person)\\][ \\t]*$");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]\\n]+)\\]\\((https?://[^)\\s]+)\\)");
    private static final Pattern MARKDOWN_BOLD = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.+)$");

    private final BookingPages bookingPages;

    /** Without a booking page template: booking addresses stay in the text. */
    public ModelReplies() {
        this.bookingPages = new BookingPages(null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ModelReplies(org.holidaydesk.assistant.config.PropertyProperties property) {
        this.bookingPages = new BookingPages(property.bookingUrlTemplate());
    }

    /** The guest's answer for the model's text. */
    public AgentReply read(@Body String answer, @ExchangeProperty(AgentRoute.TURN) LeasedTurn turn) {
        String text = answer == null ? "" : answer;
        List<Choice> choices = List.of();
        Matcher line = CHOICES.matcher(text);
        String options = null;
        while (line.find()) {
            options = line.group(1);
        }
        if (options != null) {
            choices = choices(options);
            text = CHOICES.matcher(text).replaceAll("");
        }
        boolean needsPerson = NEEDS_PERSON.matcher(text).find();
        if (needsPerson) {
            text = NEEDS_PERSON.matcher(text).replaceAll("");
        }
        BookingPages.Found page = bookingPages.find(whatsAppFormatting(text).strip());
        text = page.text();
        if (text.isEmpty() && page.page() != null) {
            // the answer was the booking page alone: its button needs a line above it
            text = BookingWording.bookingLine(LanguageGuess.of(turn.turn()));
        }
        if (text.isEmpty()) {
            throw new ModelAgent.NoAnswerException("the model's answer has no text for the guest", null);
        }
        String language = LanguageGuess.of(text, LanguageGuess.of(turn.turn()));
        List<Choice> shown = choices.size() >= 2 ? choices : List.of();
        // what it offered: the property it sends the booking page of, and the properties it offers to pick from
        List<String> offered = new ArrayList<>(shown.stream().map(Choice::title).toList());
        if (page.page() != null && page.page().property() != null) {
            offered.add(page.page().property());
        }
        return new AgentReply(List.of(text), language, page.page() != null ? List.of() : shown, needsPerson)
                .withFunnel(offered, page.page(), null);
    }

    static String whatsAppFormatting(String text) {
        String formatted = MARKDOWN_LINK.matcher(text).replaceAll("$1: $2");
        formatted = MARKDOWN_BOLD.matcher(formatted).replaceAll("*$1*");
        formatted = HEADING.matcher(formatted).replaceAll("*$1*");
        return formatted.replaceAll("\\n{3,}", "\n\n");
    }

    private static List<Choice> choices(String options) {
        Set<String> titles = new LinkedHashSet<>();
        for (String option : options.split("\\|")) {
            String title = option.replace("*", "").strip();
            if (!title.isEmpty()) {
                titles.add(title);
            }
        }
        List<Choice> choices = new ArrayList<>();
        int index = 1;
        for (String title : titles) {
            if (choices.size() == MAX_CHOICES) {
                break;
            }
            choices.add(new Choice("choice_" + index++ + "_" + slug(title), title, null));
        }
        return choices;
    }

    private static String slug(String title) {
        String slug = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return slug.length() > 40 ? slug.substring(0, 40) : slug;
    }
}
