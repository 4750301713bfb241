package org.holidaydesk.assistant;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.util.ClassUtils;

/** The WhatsApp availability assistant: Camel routes in {@code routes/}, feature beans beside this class. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssistantApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The service as {@link #main} starts it. When the build's ahead-of-time processing ran (the Maven build's
     * {@code process-aot}, before the tests), the context is built from its generated bean definitions: no
     * configuration class is parsed and no condition evaluated at start (about a second and 10 MiB less on two
     * cores). {@code -Dspring.aot.enabled=false} starts it the usual way. The conditions were evaluated at build
     * time, on the defaults of {@code application.yml}: nothing the service configures at run time changes which
     * beans exist. The property MCP server, another application, never runs on them; nor does the processing
     * itself, which starts this class again.
     */
    public static SpringApplication application() {
        if (System.getProperty(AotDetector.AOT_ENABLED) == null
                && !Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
                && ClassUtils.isPresent(
                        AssistantApplication.class.getName() + "__ApplicationContextInitializer", null)) {
            System.setProperty(AotDetector.AOT_ENABLED, "true");
        }
        SpringApplication application = new SpringApplication(AssistantApplication.class);
        application.setMainApplicationClass(AssistantApplication.class);
        return application;
    }
}
