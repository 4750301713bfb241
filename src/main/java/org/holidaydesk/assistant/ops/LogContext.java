package org.holidaydesk.assistant.ops;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a guest's turn puts in the log context: the exchange properties {@value #TURN_ID} (a new id for
 * each turn) and {@value #WAMID} (the wamids of the messages it answers, comma-separated), which Camel's
 * {@link ExchangeLogContext} copies into every line written while the turn runs,
 * and one line when the turn is answered. The inbox and reply routes set {@value #WAMID} themselves.
 */
@Component("logContext")
public class LogContext {

    public static final String WAMID = "wamid";
    public static final String TURN_ID = "turnId";
    private static final String STARTED = "turnStartedNanos";
    private static final Logger LOG = LoggerFactory.getLogger(LogContext.class);

    public void turnBegins(Exchange exchange) {
        LeasedTurn turn = exchange.getProperty(AgentRoute.TURN, LeasedTurn.class);
        byte[] id = new byte[6];
        ThreadLocalRandom.current().nextBytes(id);
        exchange.setProperty(TURN_ID, HexFormat.of().formatHex(id));
        exchange.setProperty(STARTED, System.nanoTime());
        if (turn != null) {
            exchange.setProperty(
                    WAMID,
                    String.join(
                            ",",
                            turn.turn().messages().stream()
                                    .map(TurnMessage::messageId)
                                    .toList()));
        }
    }

    public void turnAnswered(Exchange exchange) {
        LeasedTurn turn = exchange.getProperty(AgentRoute.TURN, LeasedTurn.class);
        Long started = exchange.getProperty(STARTED, Long.class);
        LOG.info(
                "Answered a turn of {} message(s) in {} ms",
                turn == null ? 0 : turn.turn().messages().size(),
                started == null ? -1 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
