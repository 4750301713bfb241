package org.holidaydesk.assistant.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * Every route's exchanges as Prometheus meters, under the names Camel's micrometer component gives them
 * (the dashboard and the alerts read these): {@code camel_route_policy_seconds} (a timer by {@code routeId}
 * and {@code failed}) and {@code camel_exchanges_total} / {@code camel_exchanges_failed_total} by
 * {@code routeId}. Camel takes every {@link RoutePolicyFactory} bean for each route it starts. Ours, not
 * camel-micrometer's: that component is not published at this Camel version to the registry the build
 * resolves from, and a route policy with a timer is all the service used of it.
 */
@Component
class RouteMetrics implements RoutePolicyFactory {

    private static final String TIMER = "camel.route.policy";
    private static final String STARTED = "RouteMetrics.started";

    private final MeterRegistry meters;

    RouteMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new Policy(camelContext.getName(), routeId);
    }

    private final class Policy extends RoutePolicySupport {

        private final Timer succeeded;
        private final Timer failed;
        private final Counter total;
        private final Counter failures;
        private final String startedKey;

        Policy(String context, String routeId) {
            this.succeeded = timer(context, routeId, false);
            this.failed = timer(context, routeId, true);
            this.total = Counter.builder("camel.exchanges")
                    .description("Exchanges a route completed")
                    .tags("camelContext", context, "routeId", routeId)
                    .register(meters);
            this.failures = Counter.builder("camel.exchanges.failed")
                    .description("Exchanges a route completed failed")
                    .tags("camelContext", context, "routeId", routeId)
                    .register(meters);
            // a route called from another route has an exchange of its caller: each route times its own part
            this.startedKey = STARTED + "." + routeId;
        }

        private Timer timer(String context, String routeId, boolean failed) {
            return Timer.builder(TIMER)
                    .description("Time an exchange spent in a route")
                    .tags("camelContext", context, "routeId", routeId, "failed", Boolean.toString(failed))
                    .register(meters);
        }

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            exchange.setProperty(startedKey, System.nanoTime());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            Long started = exchange.getProperty(startedKey, Long.class);
            if (started == null) {
                return;
            }
            exchange.removeProperty(startedKey);
            boolean failedExchange = exchange.isFailed();
            (failedExchange ? failed : succeeded)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            total.increment();
            if (failedExchange) {
                failures.increment();
            }
        }
    }
}
