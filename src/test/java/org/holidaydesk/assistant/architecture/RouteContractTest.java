package org.holidaydesk.assistant.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.holidaydesk.assistant.agent.AgentRoute;
import org.holidaydesk.assistant.funnel.FunnelRoute;
import org.holidaydesk.assistant.inbox.InboxRoute;
import org.holidaydesk.assistant.ops.LogContext;
import org.holidaydesk.assistant.reply.ReplyRoute;
import org.holidaydesk.assistant.simulator.SimulatorRoute;
import org.junit.jupiter.api.Test;

/**
 * The routes and the beans they call share names through each route family's constants: every exchange
 * property and header a route sets or reads is declared in one of them (Camel's and HTTP's own headers
 * aside), and every {@code ${type:…}} a route names (a stage, a send action, a turn's outcome) exists, so
 * that a rename fails here and not on the first message.
 */
class RouteContractTest {

    private static final Path ROUTES = Path.of("routes");
    private static final List<Class<?>> FAMILIES = List.of(
            AgentRoute.class,
            InboxRoute.class,
            ReplyRoute.class,
            SimulatorRoute.class,
            LogContext.class,
            FunnelRoute.class);

    private static final Pattern SET = Pattern.compile(
            "(?m)^\\s*- (?:setProperty|setHeader|removeProperty|removeHeader):\\s*\\n(?:\\s+id: .*\\n)?\\s+name: ([\\w-]+)");
    private static final Pattern READ = Pattern.compile("\\$\\{(?:exchangeProperty|header|headers)\\.([\\w-]+)");
    private static final Pattern TYPE = Pattern.compile("\\$\\{type:([\\w.]+)\\.(\\w+)}");

    @Test
    void everyPropertyAndHeaderTheRoutesNameIsDeclaredByTheirFamily() {
        Set<String> declared = declared();
        Set<String> undeclared = new TreeSet<>();
        for (String yaml : routes()) {
            for (Pattern names : List.of(SET, READ)) {
                Matcher name = names.matcher(yaml);
                while (name.find()) {
                    String n = name.group(1);
                    if (!n.startsWith("Camel")
                            && !n.contains("-")
                            && !n.equals("Authorization")
                            && !declared.contains(n)) {
                        undeclared.add(n);
                    }
                }
            }
        }
        assertThat(undeclared)
                .as("names the routes use that no route family's constants declare")
                .isEmpty();
    }

    @Test
    void everyTypeTheRoutesNameExists() {
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String yaml : routes()) {
            Matcher type = TYPE.matcher(yaml);
            while (type.find()) {
                named++;
                try {
                    Class.forName(type.group(1)).getField(type.group(2));
                } catch (ClassNotFoundException | NoSuchFieldException e) {
                    missing.add(type.group(1) + "." + type.group(2));
                }
            }
        }
        assertThat(named)
                .as("the routes name their stages, send actions and outcomes by type")
                .isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    private static Set<String> declared() {
        Set<String> names = new TreeSet<>();
        for (Class<?> family : FAMILIES) {
            for (Field field : family.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    try {
                        names.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }

    private static List<String> routes() {
        try (Stream<Path> files = Files.list(ROUTES)) {
            return files.filter(f -> f.toString().endsWith(".camel.yaml"))
                    .sorted()
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
