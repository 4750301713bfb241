package org.holidaydesk.assistant.ops;

import java.util.Objects;
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
 * them out again after the step. A step inside a step finds them there already and puts nothing. Camel applies every {@link InterceptStrategy} bean to each step of each route.
 * The same as Camel's MDC service does with {@code camel.mdc.custom-exchange-properties}; that service is not
 * published at this Camel version to the registry the build resolves from.
 */
@Component
class ExchangeLogContext implements InterceptStrategy {

    static final String ROUTE_ID = "camel.routeId";
    static final String EXCHANGE_ID = "camel.exchangeId";
    /** The log context's keys: the route, the exchange, then the exchange properties of the same names. */
    private static final String[] KEYS = {ROUTE_ID, EXCHANGE_ID, LogContext.WAMID, LogContext.TURN_ID};

    @Override
    public Processor wrapProcessorInInterceptors(
            CamelContext context, NamedNode definition, Processor target, Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                String[] previous = put(exchange);
                try {
                    return super.process(exchange, callback);
                } finally {
                    restore(previous);
                }
            }
        };
    }

    /**
     * Puts the exchange's values where the log context differs; returns what they replaced, or null when the
     * context already held them all (a step inside a step: nothing to put, nothing allocated).
     */
    private static String[] put(Exchange exchange) {
        String[] previous = null;
        for (int i = 0; i < KEYS.length; i++) {
            String value = value(exchange, i);
            if (Objects.equals(value, MDC.get(KEYS[i]))) {
                continue;
            }
            if (previous == null) {
                // nothing changed yet: this is the context as the step found it
                previous = new String[KEYS.length];
                for (int k = 0; k < KEYS.length; k++) {
                    previous[k] = MDC.get(KEYS[k]);
                }
            }
            set(KEYS[i], value);
        }
        return previous;
    }

    private static String value(Exchange exchange, int key) {
        return switch (key) {
            case 0 -> exchange.getFromRouteId();
            case 1 -> exchange.getExchangeId();
            default -> {
                Object value = exchange.getProperty(KEYS[key]);
                yield value == null ? null : value.toString();
            }
        };
    }

    private static void restore(String[] previous) {
        if (previous == null) {
            return;
        }
        for (int i = 0; i < KEYS.length; i++) {
            if (!Objects.equals(previous[i], MDC.get(KEYS[i]))) {
                set(KEYS[i], previous[i]);
            }
        }
    }

    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
