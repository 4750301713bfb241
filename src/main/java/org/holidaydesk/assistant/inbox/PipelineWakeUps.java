package org.holidaydesk.assistant.inbox;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Wakes a pipeline stage of this replica as soon as it has work, instead of leaving it to its next poll:
 * a committed callback wakes the inbox route, recorded messages wake the turn route, a finished turn wakes
 * the reply route. Each stage's queue holds one wake-up and drops the rest (one pass drains everything),
 * and the timers still poll, so other replicas' work and any lost wake-up are picked up all the same.
 */
@Component("wakeUps")
public class PipelineWakeUps {

    public static final String INBOX = "seda:inbox-wake?size=1&discardWhenFull=true";
    public static final String TURNS = "seda:turns-wake?size=1&discardWhenFull=true";
    public static final String REPLIES = "seda:replies-wake?size=1&discardWhenFull=true";

    private final ProducerTemplate producer;

    public PipelineWakeUps(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void inbox() {
        wake(INBOX);
    }

    public void turns() {
        wake(TURNS);
    }

    public void replies() {
        wake(REPLIES);
    }

    private void wake(String stage) {
        try {
            producer.sendBody(stage, "wake");
        } catch (RuntimeException notRunning) {
            // Camel is starting or stopping: the stage's timer picks the work up
        }
    }
}
