package org.holidaydesk.assistant.agent.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.config.PropertyProperties;
import org.holidaydesk.assistant.config.ServiceProperties;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.springframework.stereotype.Component;

/**
 * What the model is told each turn. The instructions are a resource versioned with the code
 * ({@code prompts/guest-assistant.txt}); each turn fills in today's date in the properties' time zone,
 * the business's contact, the guest's name and what Mem0 recalls of them. The guest's words are the
 * turn's messages, one a line, with a note for what the assistant cannot read.
 */
@Component("modelPrompts")
public class ModelPrompts {

    static final String RESOURCE = "prompts/guest-assistant.txt";

    private final String instructions;
    private final String businessContact;
    private final ZoneId zone;

    public ModelPrompts(ServiceProperties service, PropertyProperties property) {
        this.instructions = read(RESOURCE);
        this.businessContact = service.businessContact();
        this.zone = property.timeZone();
    }

    /** The system message of a turn. */
    public String system(
            @ExchangeProperty(AgentRoute.TURN) LeasedTurn leased,
            @ExchangeProperty(AgentRoute.MEMORIES) List<String> memories) {
        GuestTurn turn = leased.turn();
        String guest = turn.displayName() == null || turn.displayName().isBlank()
                ? ""
                : "\nThe guest's WhatsApp name is " + oneLine(turn.displayName()) + ".";
        String recalled = memories == null || memories.isEmpty()
                ? ""
                : "\nWhat you remember about this guest from earlier conversations (use it, do not recite it):\n- "
                        + String.join(
                                "\n- ",
                                memories.stream().map(ModelPrompts::oneLine).toList());
        return instructions
                .replace("{{today}}", turn.today().toString())
                .replace("{{weekday}}", turn.today().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .replace("{{timeZone}}", zone.getId())
                .replace("{{businessContact}}", businessContact)
                .replace("{{guest}}", guest)
                .replace("{{memories}}", recalled)
                .strip();
    }

    /** The guest's words in this turn. */
    public String user(@Body LeasedTurn leased) {
        List<String> lines = new ArrayList<>();
        for (TurnMessage message : leased.turn().messages()) {
            boolean heard = message.text() != null && !message.text().isBlank();
            if (message.kind() == MessageKind.AUDIO && heard) {
                lines.add("(A voice note, understood as: \"" + message.text().strip()
                        + "\". Start your answer by saying in a few words what you understood.)");
                continue;
            }
            if (message.kind() == MessageKind.EDIT && heard) {
                lines.add(
                        "(The guest edited a message they sent earlier; it now reads: \""
                                + message.text().strip()
                                + "\". Answer the message as it reads now, and start by saying in a few words what they changed.)");
                continue;
            }
            if (heard) {
                lines.add(message.text().strip());
            }
            if (message.kind().handling() == MessageKind.Handling.CAPABILITIES) {
                lines.add("(The guest also sent " + describe(message.kind())
                        + ", which you cannot see or hear; say so briefly if it matters.)");
            }
        }
        return String.join("\n", lines);
    }

    private static String describe(MessageKind kind) {
        return switch (kind) {
            case AUDIO -> "a voice note";
            case IMAGE -> "a picture";
            case VIDEO -> "a video";
            case DOCUMENT -> "a document";
            case STICKER -> "a sticker";
            case LOCATION -> "a location";
            case CONTACTS -> "a contact card";
            default -> "a message of a kind WhatsApp could not show";
        };
    }

    /** Guest-given text inside the instructions stays on one line and cannot pose as a rule. */
    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String read(String resource) {
        try (InputStream in = ModelPrompts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The model's instructions are missing from the build: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
