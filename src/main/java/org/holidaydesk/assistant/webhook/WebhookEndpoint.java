package org.holidaydesk.assistant.webhook;

import org.apache.camel.CamelContext;
import org.holidaydesk.assistant.config.InboxProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link WebhookServlet} at {@value WebhookServlet#PATH} on the public port, next to Spring MVC. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "assistant.webhook.enabled", havingValue = "true", matchIfMissing = true)
class WebhookEndpoint {

    @Bean
    ServletRegistrationBean<WebhookServlet> webhookServlet(CamelContext camel, InboxProperties inbox) {
        ServletRegistrationBean<WebhookServlet> registration =
                new ServletRegistrationBean<>(new WebhookServlet(camel, inbox.maxBodyBytes()), WebhookServlet.PATH);
        registration.setName("webhook");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
