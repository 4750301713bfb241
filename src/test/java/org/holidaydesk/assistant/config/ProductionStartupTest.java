package org.holidaydesk.assistant.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.holidaydesk.assistant.AssistantApplication;
import org.holidaydesk.assistant.property.PropertyMcpServerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The real application refuses to start in production without its secrets, before it opens any port. */
class ProductionStartupTest {

    @Test
    void stopsStartupNamingEveryMissingSecret() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(AssistantApplication.class)
                .properties("APP_ENV=production", "WEBHOOK_PORT=0", "MANAGEMENT_PORT=0");

        assertThatThrownBy(application::run)
                .isInstanceOf(ConfigurationProblemException.class)
                .hasMessageContainingAll(
                        "WHATSAPP_VERIFY_TOKEN",
                        "WHATSAPP_APP_SECRET",
                        "WHATSAPP_ACCESS_TOKEN",
                        "WHATSAPP_PHONE_NUMBER_ID",
                        "OPERATOR_TOKEN",
                        "MCP_AUTH_TOKEN");
    }

    @Test
    void theStandaloneMcpServerStopsStartupWithoutItsToken() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(PropertyMcpServerApplication.class)
                .profiles(PropertyMcpServerApplication.PROFILE)
                .properties("APP_ENV=production", "WEBHOOK_PORT=0", "MANAGEMENT_PORT=0");

        assertThatThrownBy(application::run)
                .isInstanceOf(ConfigurationProblemException.class)
                .hasMessageContaining("MCP_AUTH_TOKEN")
                .hasMessageNotContaining("WHATSAPP");
    }
}
