package org.holidaydesk.assistant.ops;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts what a line is about into the log context (MDC) of every step a route runs: {@code camel.routeId},
 * {@code camel.exchangeId}, and the exchange properties {@value LogContext#WAMID} and
 * {@value LogContext#TURN_ID} that the routes set (the message a line is about, the guest's turn), and takes
 * them out again after the step. Camel applies every {@link InterceptStrategy} bean to each step of each route.
 * The same as Camel's MDC service does with {@code camel.mdc.custom-exchange-properties}; that service is not
 * published at this Camel version to the registry the build resolves from.
 */
@Component
class ExchangeLogContext implements InterceptStrategy {

    static final String ROUTE_ID = "camel.routeId";
    static final String EXCHANGE_ID = "camel.exchangeId";
    private static final String[] PROPERTIES = {LogContext.WAMID, LogContext.TURN_ID};

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Map<String, String> previous = put(exchange);
                try {
                    return super.process(exchange, callback);
                } finally {
                    restore(previous);
                }
            }
        };
    }

    private static Map<String, String> put(Exchange exchange) {
        Map<String, String> previous = new HashMap<>(8);
        set(previous, ROUTE_ID, exchange.getFromRouteId());
        set(previous, EXCHANGE_ID, exchange.getExchangeId());
        for (String property : PROPERTIES) {
            Object value = exchange.getProperty(property);
            set(previous, property, value == null ? null : value.toString());
        }
        return previous;
    }

    private static void set(Map<String, String> previous, String key, String value) {
        previous.put(key, MDC.get(key));
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static void restore(Map<String, String> previous) {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
