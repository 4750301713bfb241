package org.holidaydesk.assistant.ops;

import java.util.Locale;
import java.util.Map;
import org.holidaydesk.assistant.agent.control.ThreadControl;
import org.holidaydesk.assistant.agent.intents.ForgetMe;
import org.holidaydesk.assistant.agent.intents.Handoffs;
import org.holidaydesk.assistant.agent.turn.TurnTraces;
import org.holidaydesk.assistant.privacy.Masking;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * One guest, for operators on the management port; every action needs the operator token
 * ({@link OperatorTokenFilter}). The guest is named by their id or by the reference in the business's
 * handoff notification (which carries no number).
 * <ul>
 * <li>{@code DELETE /actuator/guests/{id}}: erases the guest's conversation memory, request context and Mem0
 * memories (and the development sandbox's traces of their turns), as the guest can by writing
 * "forget me".</li>
 * <li>{@code POST /actuator/guests/{id}/messages} {@code {"text": "…"}}: a person's reply, sent through the
 * outbox; the assistant stays quiet for the guest for the handoff's quiet time.</li>
 * <li>{@code POST /actuator/guests/{id}/handback}: the assistant answers the guest again.</li>
 * <li>{@code POST /actuator/guests/{id}/takeover}: takes the guest's conversation back from Meta Business Agent (or
 * another app) with the thread-control {@code take} action; the assistant answers the guest's next message.</li>
 * </ul>
 */
@Component
@Endpoint(id = "guests")
public class GuestsEndpoint {

    private final ForgetMe forgetMe;
    private final Handoffs handoffs;
    private final TurnTraces traces;
    private final ThreadControl control;

    public GuestsEndpoint(ForgetMe forgetMe, Handoffs handoffs, TurnTraces traces, ThreadControl control) {
        this.forgetMe = forgetMe;
        this.handoffs = handoffs;
        this.traces = traces;
        this.control = control;
    }

    @DeleteOperation
    public WebEndpointResponse<Map<String, Object>> erase(@Selector String id) {
        String guest = handoffs.guestNamed(id);
        boolean mem0Confirmed = forgetMe.forget(guest);
        traces.forget(guest);
        return new WebEndpointResponse<>(
                Map.of(
                        "guest",
                        Masking.recipient(guest),
                        "erased",
                        true,
                        "mem0",
                        mem0Confirmed ? "erased" : "not confirmed; try again later"),
                mem0Confirmed ? 200 : 202);
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> act(
            @Selector String id, @Selector String action, @Nullable String text) {
        String guest = handoffs.guestNamed(id);
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "messages" -> {
                if (text == null || text.isBlank()) {
                    yield answer(400, Map.of("error", "a person's reply needs {\"text\": \"...\"}"));
                }
                if (text.length() > 4096) {
                    yield answer(400, Map.of("error", "a WhatsApp text is at most 4096 characters"));
                }
                yield handoffs.personReplies(guest, text.strip())
                        .map(address -> answer(202, Map.of("guest", Masking.recipient(guest), "queued", true)))
                        .orElseGet(() ->
                                answer(404, Map.of("error", "no guest " + Masking.recipient(guest) + " has written")));
            }
            case "handback" ->
                answer(200, Map.of("guest", Masking.recipient(guest), "handedBack", handoffs.handBack(guest)));
            case "takeover" ->
                control.takeOver(guest)
                        .map(address -> answer(202, Map.of("guest", Masking.recipient(guest), "takeover", "requested")))
                        .orElseGet(() ->
                                answer(404, Map.of("error", "no guest " + Masking.recipient(guest) + " has written")));
            default -> answer(404, Map.of("error", "unknown action; use messages, handback or takeover"));
        };
    }

    private static WebEndpointResponse<Map<String, Object>> answer(int status, Map<String, Object> body) {
        return new WebEndpointResponse<>(body, status);
    }
}
