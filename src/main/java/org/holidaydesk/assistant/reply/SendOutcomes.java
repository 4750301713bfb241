package org.holidaydesk.assistant.reply;

import java.util.random.RandomGenerator;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.springframework.stereotype.Component;

/** Turns the HTTP exchange with the Cloud API into a {@link SendOutcome} by the {@link ErrorPolicy}. */
@Component("sendOutcomes")
public class SendOutcomes {

    private final ErrorPolicy policy;

    public SendOutcomes(ReplyProperties properties) {
        this.policy = new ErrorPolicy(properties, RandomGenerator.getDefault());
    }

    public SendOutcome classify(
            @Header(Exchange.HTTP_RESPONSE_CODE) Integer status,
            @Body String answer,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure,
            @ExchangeProperty(ReplyRoute.ROW) OutboundMessage row) {
        SendResult result = failure != null || status == null
                ? SendResult.unanswered(
                        failure == null ? "no status" : failure.getClass().getSimpleName())
                : CloudApiResponses.read(status, answer);
        return new SendOutcome(result, policy.decide(result, row.attempts() + 1));
    }
}
