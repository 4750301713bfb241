package org.holidaydesk.assistant.reply;

import java.util.concurrent.locks.LockSupport;
import org.apache.camel.Body;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica within the business number's throughput ({@code assistant.reply.send-rate}, Meta's
 * default is 80 messages a second): each message waits for its token before it goes out. Read receipts
 * are status updates, not messages, and do not count against it.
 */
@Component("sendRate")
public class SendRate {

    private final TokenBucket bucket;

    public SendRate(ReplyProperties properties) {
        this.bucket = new TokenBucket(properties.sendRate(), System::nanoTime);
    }

    public void acquire(@Body OutboundMessage message) {
        if (message.readReceipt()) {
            return;
        }
        long wait = bucket.reserve();
        long deadline = System.nanoTime() + wait;
        while (wait > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
            wait = deadline - System.nanoTime();
        }
    }
}
