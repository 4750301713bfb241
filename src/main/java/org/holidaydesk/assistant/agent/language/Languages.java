package org.holidaydesk.assistant.agent.language;

import static org.holidaydesk.assistant.config.JsonMappers.YAML;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The languages the offline agent reads and writes, one file each under {@code src/main/resources/language/}
 * ({@code en.yaml}, {@code ro.yaml}, {@code de.yaml}): the words that tell the language, the word lists the reader
 * reads dates, parties and questions with, and every reply text. A language is added by adding its file; no code
 * names one (YAML rather than {@code .properties} bundles: one file per language keeps its replies beside its word
 * lists, and named placeholders such as {@code {name}} need none of {@code MessageFormat}'s quoting of apostrophes).
 */
public final class Languages {

    private static final String LOCATION = "classpath*:language/*.yaml";
    private static final Languages ALL = load();

    private final Map<String, Language> byCode;

    private Languages(Map<String, Language> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    public static Languages all() {
        return ALL;
    }

    /** The codes of every language, English first. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    /** The language of {@code code}; English for one without a file. */
    public Language of(String code) {
        Language language = code == null ? null : byCode.get(code);
        return language != null ? language : byCode.get(LanguageGuess.ENGLISH);
    }

    public boolean has(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** Every language's entries of one word list, without repeats: what the reader reads in any language. */
    public List<String> words(String path) {
        Set<String> all = new LinkedHashSet<>();
        byCode.values().forEach(language -> all.addAll(language.words(path)));
        return List.copyOf(all);
    }

    /** {@link #words} as regular-expression alternatives, longest first so that "june" wins over "jun". */
    public String alternatives(String path) {
        return words(path).stream().sorted((a, b) -> b.length() - a.length()).collect(Collectors.joining("|"));
    }

    private static Languages load() {
        Map<String, Language> found = new LinkedHashMap<>();
        List<Language> others = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = resource.getInputStream()) {
                    Language language = Language.of(YAML.readTree(in), resource.getFilename());
                    if (LanguageGuess.ENGLISH.equals(language.code())) {
                        found.put(language.code(), language);
                    } else {
                        others.add(language);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The language files cannot be read", e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("No language/en.yaml on the classpath: the offline agent has no words");
        }
        others.stream().sorted((a, b) -> a.code().compareTo(b.code())).forEach(l -> found.putIfAbsent(l.code(), l));
        return new Languages(found);
    }

    /** The node at a dotted path such as {@code reading.guide.checkIn}; a missing node when absent. */
    static JsonNode at(JsonNode root, String path) {
        return root.at("/" + path.replace('.', '/'));
    }
}
