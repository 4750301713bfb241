package org.holidaydesk.assistant.reply;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads {@code reply.camel.yaml} sends a claimed batch on ({@code executorService: replySenders}): one per
 * reply, each parked until its send slot comes. They are virtual threads: a parked one holds no stack of its own,
 * so a batch of claim-batch replies waiting for their slots keeps no platform threads alive between batches.
 * Bound in Camel's registry only: as a Spring bean, an executor would stand in for Spring Boot's task executor.
 * Closed, every started send finished, after Camel has stopped.
 */
@Component
class ReplySenderThreads implements CamelContextConfiguration, DisposableBean {

    static final String NAME = "replySenders";

    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("reply-sender-", 0).factory());

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        camel.getRegistry().bind(NAME, ExecutorService.class, senders);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing to do once started
    }

    @Override
    public void destroy() {
        senders.close();
    }
}
