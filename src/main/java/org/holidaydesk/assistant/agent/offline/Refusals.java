package org.holidaydesk.assistant.agent.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.holidaydesk.assistant.agent.tools.PropertyTools;
import org.holidaydesk.assistant.agent.tools.ToolRefusedException;

/**
 * The offline agent's answer when a property tool refuses a question (an unknown property, dates in the
 * past, a stay too long or too far ahead, a stay just taken): a question back to the guest in their
 * language, and what is known of the request without the refused part.
 */
final class Refusals {

    private static final Pattern MAX_NIGHTS = Pattern.compile("at most (\\d+) nights");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private final String businessContact;

    Refusals(String businessContact) {
        this.businessContact = businessContact;
    }

    /**
     * A question the tools would not answer as asked, turned into a question to the guest in their
     * language. The refused part is forgotten, so that the next message is not refused again.
     */
    Outcome answer(
            ToolRefusedException refused,
            GuestContext known,
            List<PropertyTools.PropertySummary> catalog,
            Wording words) {
        String reason = refused.getMessage() == null ? "" : refused.getMessage();
        if (reason.contains("no property called")
                || reason.contains("could be")
                || reason.contains("No property was named")) {
            Set<String> catalogNames =
                    catalog.stream().map(PropertyTools.PropertySummary::name).collect(Collectors.toSet());
            List<String> suggested = new ArrayList<>();
            Matcher quoted = QUOTED.matcher(reason);
            while (quoted.find()) {
                if (catalogNames.contains(quoted.group(1)) && !suggested.contains(quoted.group(1))) {
                    suggested.add(quoted.group(1));
                }
            }
            if (suggested.isEmpty()) {
                catalog.stream().limit(AvailabilityAnswers.MOST_LINES).forEach(p -> suggested.add(p.name()));
            }
            AnswerLines lines = new AnswerLines();
            if (reason.contains("no property called") && known.property() != null) {
                lines.add(words.unknownProperty(known.property()));
            }
            lines.add(words.whichProperty());
            suggested.forEach(name -> lines.add("• *" + name + "*"));
            return new Outcome(lines.text(), known.withoutProperty(), suggested);
        }
        if (reason.contains("in the past")) {
            return new Outcome(words.pastDates(), known.withoutDates());
        }
        if (reason.contains("must be after the check-in")) {
            return new Outcome(words.checkOutBeforeCheckIn(), known.withoutDates());
        }
        Matcher maxNights = MAX_NIGHTS.matcher(reason);
        if (maxNights.find()) {
            return new Outcome(
                    words.tooLong(Integer.parseInt(maxNights.group(1)), businessContact), known.withoutDates());
        }
        if (reason.contains("known only up to")) {
            return new Outcome(words.tooFarAhead(), known.withoutDates());
        }
        if (reason.contains("not free")) {
            return new Outcome(words.justTaken(), known);
        }
        return new Outcome(words.couldNotCheck(), known.withoutDates());
    }
}
