package org.holidaydesk.assistant.agent.turn;

import static org.holidaydesk.assistant.config.JsonMappers.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.holidaydesk.assistant.agent.AgentReply;
import org.holidaydesk.assistant.agent.BookingButton;
import org.holidaydesk.assistant.agent.DatePicker;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.language.BookingWording;
import org.holidaydesk.assistant.agent.language.Languages;
import org.holidaydesk.assistant.config.BookingProperties;
import org.holidaydesk.assistant.funnel.BookingFunnel;
import org.holidaydesk.assistant.funnel.TrackedLinks;
import org.holidaydesk.assistant.reply.FlowInvite;
import org.holidaydesk.assistant.reply.Outbox;
import org.springframework.stereotype.Component;

/**
 * Queues a turn's answer the way WhatsApp shows it best, in the transaction that ends the turn: the parts in
 * order, the last one carrying what the guest can act on. A booking page goes out as a button labelled with the
 * stay ({@code cta_url}) opening a tracked link; vague dates with a published date picker get the Flow under the
 * answer; choices become reply buttons or a list; otherwise text. One message where a text and a button would be
 * two. What the answer offered and the link it sent are counted in the booking funnel.
 */
@Component
public class ReplyQueue {

    /** The date picker Flow's first screen ({@code flows/dates.json}). */
    static final String DATES_SCREEN = "DATES";

    private final Outbox outbox;
    private final TrackedLinks links;
    private final BookingFunnel funnel;
    private final BookingProperties booking;
    private final SecureRandom random = new SecureRandom();

    public ReplyQueue(Outbox outbox, TrackedLinks links, BookingFunnel funnel, BookingProperties booking) {
        this.outbox = outbox;
        this.links = links;
        this.funnel = funnel;
        this.booking = booking;
    }

    void queue(LeasedTurn turn, AgentReply reply) {
        List<String> parts = reply.parts();
        String linked = null;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i < parts.size() - 1) {
                outbox.enqueueText(turn.guestId(), turn.replyTo(), turn.phoneNumberId(), part, turn.lastMessageId());
            } else {
                linked = queueLast(turn, reply, part);
            }
        }
        if (!reply.offered().isEmpty() || linked != null) {
            funnel.answered(reply.offered(), linked);
        }
    }

    /** Queues the answer's last part; returns the property its booking button is for, or null. */
    private String queueLast(LeasedTurn turn, AgentReply reply, String text) {
        BookingButton button = reply.booking();
        if (button != null && !text.isBlank()) {
            String url = links.track(button.property(), button.url());
            outbox.enqueueLink(
                    turn.guestId(),
                    turn.replyTo(),
                    turn.phoneNumberId(),
                    text,
                    BookingWording.bookingLabel(reply.language(), button.checkIn(), button.checkOut()),
                    url,
                    turn.lastMessageId());
            return button.property();
        } else if (reply.dates() != null
                && booking.datePicker()
                && reply.choices().isEmpty()
                && !text.isBlank()) {
            outbox.enqueueFlow(
                    turn.guestId(),
                    turn.replyTo(),
                    turn.phoneNumberId(),
                    text + "\n\n" + BookingWording.pickDatesLine(reply.language()),
                    datesFlow(reply),
                    turn.lastMessageId());
        } else if (!reply.choices().isEmpty()) {
            outbox.enqueueChoices(
                    turn.guestId(),
                    turn.replyTo(),
                    turn.phoneNumberId(),
                    text,
                    reply.choices(),
                    Languages.all().of(reply.language()).reply("seeOptions"),
                    turn.lastMessageId());
        } else {
            outbox.enqueueText(turn.guestId(), turn.replyTo(), turn.phoneNumberId(), text, turn.lastMessageId());
        }
        return null;
    }

    /** The date picker opened on the window the guest named, its taken nights greyed out. */
    private FlowInvite datesFlow(AgentReply reply) {
        DatePicker picker = reply.dates();
        ObjectNode data = JSON.createObjectNode()
                .put("property", picker.property() == null ? "" : picker.property())
                .put("min_date", picker.from().toString())
                .put("max_date", picker.to().toString())
                .put("min_days", Math.max(1, picker.minNights()))
                .put("max_days", 30)
                .put("guests", picker.guests() == null ? "" : picker.guests().toString())
                .put("heading", BookingWording.pickDatesHeading(reply.language(), picker.property()))
                .put("submit", BookingWording.pickDates(reply.language()));
        ArrayNode unavailable = data.putArray("unavailable_dates");
        picker.unavailable().forEach(day -> unavailable.add(day.toString()));
        byte[] token = new byte[18];
        random.nextBytes(token);
        return new FlowInvite(
                booking.datesFlowId(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(token),
                BookingWording.pickDates(reply.language()),
                DATES_SCREEN,
                data);
    }
}
