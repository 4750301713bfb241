package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the service does when a reply comes too late for WhatsApp's 24-hour customer-service window.
 *
 * @param template {@code WHATSAPP_REENGAGE_TEMPLATE}: {@code <name>:<language code>} of an approved utility
 *                 template inviting the guest to continue (e.g. {@code continue_conversation:en}); unset,
 *                 such a reply is dead-lettered with the reason
 */
@Validated
@ConfigurationProperties("assistant.reengagement")
public record ReengagementProperties(
        @Pattern(
                regexp = "([a-z0-9_]+:[A-Za-z]{2,3}(_[A-Za-z]{2,4})?)?",
                message = "WHATSAPP_REENGAGE_TEMPLATE must be "
                        + "<template name>:<language code>, such as continue_conversation:en")
        String template) {

    public boolean configured() {
        return template != null && !template.isBlank();
    }

    public String templateName() {
        return template.substring(0, template.indexOf(':'));
    }

    public String languageCode() {
        return template.substring(template.indexOf(':') + 1);
    }
}
