package org.holidaydesk.assistant.ops;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.holidaydesk.assistant.reply.DeadLetters;
import org.holidaydesk.assistant.reply.DeadLetters.DeadLetter;
import org.holidaydesk.assistant.reply.DeadLetters.Resolution;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/deadletters} on the management port: the replies that will not be delivered without
 * an operator, with the masked recipient, the reason and Meta's code, never the message itself.
 * {@code POST /actuator/deadletters/{id}} with {@code {"action":"replay"}} queues one again,
 * {@code {"action":"discard"}} gives it up; both need the operator token ({@link OperatorTokenFilter}).
 */
@Component
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private static final int MAX_LISTED = 500;

    /** One dead letter as the endpoint lists it. */
    public record View(
            long id,
            String recipient,
            String kind,
            String reason,
            Integer metaCode,
            int attempts,
            String firstFailedAt,
            String lastFailedAt,
            String state) {

        static View of(DeadLetter letter) {
            return new View(
                    letter.id(),
                    letter.recipient(),
                    letter.kind(),
                    letter.reason(),
                    letter.metaCode(),
                    letter.attempts(),
                    letter.firstFailedAt().toString(),
                    letter.lastFailedAt().toString(),
                    letter.state());
        }
    }

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public List<View> list() {
        return deadLetters.list(MAX_LISTED).stream().map(View::of).toList();
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> act(@Selector long id, String action) {
        Resolution resolution = switch (action.strip().toLowerCase(Locale.ROOT)) {
            case "replay" -> deadLetters.replay(id);
            case "discard" -> deadLetters.discard(id);
            default -> null;
        };
        if (resolution == null) {
            return answer(400, Map.of("error", "unknown action; use \"replay\" or \"discard\""));
        }
        return switch (resolution) {
            case UNKNOWN -> answer(404, Map.of("error", "no dead letter " + id));
            case NOT_OPEN -> answer(409, Map.of("error", "dead letter " + id + " was already replayed or discarded"));
            case DONE ->
                deadLetters
                        .find(id)
                        .map(letter -> answer(200, Map.<String, Object>of("deadLetter", View.of(letter))))
                        .orElseGet(() -> answer(404, Map.of("error", "no dead letter " + id)));
        };
    }

    private static WebEndpointResponse<Map<String, Object>> answer(int status, Map<String, Object> body) {
        return new WebEndpointResponse<>(body, status);
    }
}
