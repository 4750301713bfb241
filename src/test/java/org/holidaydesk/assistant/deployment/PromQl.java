package org.holidaydesk.assistant.deployment;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics a PromQL expression reads, and the label matchers it puts on each: enough of PromQL's
 * grammar to check an alert or a panel against what the service exports.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "le",
            "inf",
            "nan");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*})?");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!=|!~|=)\\s*\"([^\"]*)\"");

    private PromQl() {}

    /** Each metric the expression selects, with the label matchers of its selectors (label name to value). */
    static Map<String, Map<String, String>> selectors(String expression) {
        String text = expression
                .replaceAll("\\[[^\\]]*]", " ") // ranges and subqueries
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // groupings
                .replaceAll("\\boffset\\s+\\S+", " ");
        Map<String, Map<String, String>> selectors = new LinkedHashMap<>();
        Matcher selector = SELECTOR.matcher(text);
        while (selector.find()) {
            String name = selector.group(1);
            int end = selector.end(1);
            boolean function = text.substring(end).stripLeading().startsWith("(");
            boolean inBraces = text.lastIndexOf('{', selector.start()) > text.lastIndexOf('}', selector.start());
            if (function
                    || inBraces
                    || KEYWORDS.contains(name.toLowerCase())
                    || name.startsWith("$")
                    || Character.isDigit(name.charAt(0))) {
                continue;
            }
            Map<String, String> labels = selectors.computeIfAbsent(name, n -> new LinkedHashMap<>());
            if (selector.group(2) != null) {
                Matcher matcher = MATCHER.matcher(selector.group(2));
                while (matcher.find()) {
                    labels.put(matcher.group(1), matcher.group(3));
                }
            }
        }
        return selectors;
    }

    static Set<String> metrics(String expression) {
        return new LinkedHashSet<>(selectors(expression).keySet());
    }
}
