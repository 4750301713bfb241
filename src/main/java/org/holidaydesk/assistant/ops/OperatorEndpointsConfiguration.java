package org.holidaydesk.assistant.ops;

import org.holidaydesk.assistant.config.ServiceProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Puts the {@link OperatorTokenFilter} in front of the dead-letter endpoint on the management server.
 * That server has its own servlet context when {@code MANAGEMENT_PORT} differs from the public port, so
 * the filter is registered there: this class is listed in
 * {@code META-INF/spring/org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration.imports},
 * which Spring Boot loads into whichever context serves the actuator. It carries no stereotype on
 * purpose, so that component scanning does not also put the filter on the public port. The standalone
 * property MCP server has no dead letters, so no filter there ({@code assistant.webhook.enabled=false}).
 */
@ConditionalOnProperty(name = "assistant.webhook.enabled", havingValue = "true", matchIfMissing = true)
public class OperatorEndpointsConfiguration {

    @Bean
    FilterRegistrationBean<OperatorTokenFilter> operatorTokenFilter(
            ServiceProperties service, WebEndpointProperties web) {
        String base = web.getBasePath();
        FilterRegistrationBean<OperatorTokenFilter> registration =
                new FilterRegistrationBean<>(new OperatorTokenFilter(service.operatorToken()));
        registration.addUrlPatterns(base + "/deadletters", base + "/deadletters/*", base + "/guests/*");
        registration.setName("operatorTokenFilter");
        return registration;
    }
}
