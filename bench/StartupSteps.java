import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.holidaydesk.assistant.AssistantApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the service's start goes, step by step (bench/startup.sh): starts the application as its {@code main}
 * does ({@code AssistantApplication.application()}), with Spring Boot's {@link BufferingApplicationStartup}
 * recording every step of the context's start (each bean instantiated, the web server created, ...; the
 * configuration classes too when the build's ahead-of-time processing is switched off), then prints the time
 * from the launcher's {@code main} to the application started and the steps that took longest by their own
 * time (a step's duration less its child steps'), and by their whole duration, to a file (the service logs
 * to the console), and exits.
 * <p>{@code java -cp <the service's jar>:<this> StartupSteps <report file> [top]} (top: how many steps of each
 * list, 25) with the service's environment (ports, secret). The service's classes and Spring Boot's come from
 * its class path; nothing of the service is changed.
 */
public class StartupSteps {

    public static void main(String[] args) throws IOException {
        Path report = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        long launched = System.nanoTime();
        // the application as the service's main makes it (on the build's ahead-of-time bean definitions)
        SpringApplication application = AssistantApplication.application();
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        application.setApplicationStartup(startup);
        ConfigurableApplicationContext context = application.run();
        long startedMs = (System.nanoTime() - launched) / 1_000_000;

        List<TimelineEvent> events = new ArrayList<>(startup.getBufferedTimeline().getEvents());
        Map<Long, Long> childMs = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                childMs.merge(parent, event.getDuration().toMillis(), Long::sum);
            }
        }
        try (PrintStream out = new PrintStream(report.toFile(), "UTF-8")) {
            out.printf("started in %d ms from main (%d steps recorded)%n", startedMs, events.size());
            out.printf("%nlongest by their own time (less their child steps):%n%8s %8s  step%n", "own ms", "all ms");
            events.sort(Comparator.comparingLong((TimelineEvent e) -> own(e, childMs)).reversed());
            events.stream().limit(top).forEach(e -> print(out, e, childMs));
            out.printf("%nlongest by their whole duration:%n%8s %8s  step%n", "own ms", "all ms");
            events.sort(Comparator.comparing(TimelineEvent::getDuration).reversed());
            events.stream().limit(top).forEach(e -> print(out, e, childMs));
        }
        context.close();
        System.exit(0);
    }

    private static long own(TimelineEvent event, Map<Long, Long> childMs) {
        return event.getDuration().toMillis() - childMs.getOrDefault(event.getStartupStep().getId(), 0L);
    }

    private static void print(PrintStream out, TimelineEvent event, Map<Long, Long> childMs) {
        StringBuilder tags = new StringBuilder();
        event.getStartupStep().getTags().forEach(tag -> {
            String value = tag.getValue();
            // bean types and post-processors are long; their simple names say enough
            tags.append(' ').append(tag.getKey()).append('=').append(value.substring(value.lastIndexOf('.') + 1));
        });
        out.printf(
                "%8d %8d  %s%s%n", own(event, childMs), event.getDuration().toMillis(), event.getStartupStep().getName(), tags);
    }
}
