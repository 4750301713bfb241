package org.holidaydesk.assistant.reply;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;
import org.holidaydesk.assistant.config.ReplyProperties;
import org.springframework.stereotype.Component;

/**
 * The HTTP client of the Cloud API endpoint. Every send is exactly one attempt: Apache HttpClient would
 * otherwise resend a POST answered 429 or 503 by itself, behind the error policy's back. A connection or
 * an answer slower than {@code assistant.reply.connect-timeout} / {@code response-timeout} ends the
 * attempt, which the policy then retries like any passing failure.
 */
@Component("cloudApiHttpClient")
public class CloudApiHttpClient implements HttpClientConfigurer {

    private final ReplyProperties properties;

    public CloudApiHttpClient(ReplyProperties properties) {
        this.properties = properties;
    }

    @Override
    @SuppressWarnings("deprecation") // the per-request connect timeout still overrides the pool's default
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
                        .setResponseTimeout(Timeout.of(properties.responseTimeout()))
                        .build());
    }
}
