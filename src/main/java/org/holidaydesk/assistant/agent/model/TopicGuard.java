package org.holidaydesk.assistant.agent.model;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.holidaydesk.assistant.agent.language.LanguageGuess;
import org.holidaydesk.assistant.agent.language.Languages;
import org.holidaydesk.assistant.agent.language.PlainText;
import org.springframework.stereotype.Component;

/**
 * Keeps the assistant on the business's topics (WhatsApp Business Solution Terms, "AI Providers": no
 * general-purpose assistant on the Business API). The instructions tell the model to decline anything else; this
 * checks its answer after it is made and replaces an off-topic one (a poem, code, homework, trivia) with the decline,
 * in the guest's language. The words are read as {@link PlainText} reads them: lowercase, no diacritics, word by word.
 *
 * <p>Rules, not a second model request: on the labelled answers in {@code src/test/resources/topic/answers.tsv} they
 * catch the off-topic ones with the precision and recall {@code TopicGuardTest} prints, in microseconds and for no
 * tokens, where asking the model would add a request (its latency and tokens) to every turn. An answer is off topic
 * when it is code; when it is a poem's verses that never touch the business; or when it touches nothing of the
 * business (stays, properties, prices, the area, the guest's trip) while the guest asked for a general-purpose task
 * (a poem, homework, code, a translation, a recipe, trivia). Declines pass, and so does anything else: a wrong decline
 * costs a guest their answer, so the rules lean towards letting an answer through.
 */
@Component
public class TopicGuard {

    private static final Pattern CODE = Pattern.compile(
            "(?m)(```|^\\s*(def|function|public|private|class|import|#include|"
                    + "const|let|var|int|return|select|insert|update)\\b[^\\n]*[;:{(=*]|console\\.log|=>\\s*\\{)",
            Pattern.CASE_INSENSITIVE);
    /** What the business is about, in English and Romanian (diacritics gone, as {@link PlainText} leaves words). */
    private static final Pattern BUSINESS =
            Pattern.compile("\\b(propert(y|ies)|proprieta\\w*|cazare|stay|sejur\\w*|nights?|"
                    + "nopti|noapte|book(ing|ed)?|rezerv\\w*|check ?in|check ?out|guests?|persoane|oaspeti|lei|ron|eur|price|pret\\w*|"
                    + "costa|costs?|free|libera?|disponibil\\w*|available|parking|parcare|pool|piscina|beach|plaja|bedrooms?|dormitor\\w*|"
                    + "rooms?|camer\\w*|vila|villa|casa|cabana|cabin|trails?|trasee|traseu|hiking|restaurants?|key|lockbox|pet|dogs?|"
                    + "caine|arrive|sosire|motorway|train|tren|taxi|drive|car|masina|village|sat|zona|area|nearby|apropiere|"
                    + "visit|vizita\\w*|our team|echipa|trip|travel\\w*|calatori\\w*|vacation|holiday|vacanta|concediu|bike|bicicleta|"
                    + "luggage|bagaj\\w*)\\b");

    private static final Pattern TASK =
            Pattern.compile("\\b(poem|poezi\\w*|poetry|haiku|verse|vers\\w*|song|cantec|joke|"
                    + "gluma|essay|eseu|homework|tema|solve|rezolva|calculate|calculeaza|derivative|equation|translate|traduce\\w*|"
                    + "recipe|reteta|code|cod|python|java|javascript|sql|script|function|program\\w*|capital|capitala|who won|"
                    + "explain|explica|story|poveste|summari[sz]e|rezuma|who (wrote|invented|discovered|is|was)|"
                    + "cine a (scris|inventat|descoperit|castigat)|meaning of life|sensul vietii)\\b");
    private static final Pattern DECLINE =
            Pattern.compile("\\b(i can only help|can only help|only help with|pot ajuta doar|"
                    + "va pot ajuta doar|doar cu cazarea)\\b");

    private final Counter caught;

    public TopicGuard(MeterRegistry meters) {
        this.caught = Counter.builder("agent.off.topic.answers")
                .description("Model answers off the business's topics, replaced with the decline")
                .register(meters);
    }

    /** True when {@code answer}, to {@code guestWords}, strays from the business. */
    public static boolean offTopic(String guestWords, String answer) {
        if (answer == null || answer.isBlank()) {
            return false;
        }
        if (PlainText.says(answer, DECLINE)) {
            return false;
        }
        if (CODE.matcher(answer).find()) {
            return true;
        }
        boolean business = PlainText.says(answer, BUSINESS);
        if (verses(answer) && !business) {
            return true;
        }
        if (business) {
            return false;
        }
        return PlainText.says(guestWords, TASK);
    }

    /** The model's answer, or the decline when it strayed; counted. */
    public String check(String guestWords, String answer) {
        if (!offTopic(guestWords, answer)) {
            return answer;
        }
        caught.increment();
        return decline(LanguageGuess.of(guestWords == null ? "" : guestWords, LanguageGuess.ENGLISH));
    }

    /** One short sentence in the guest's language, saying what the assistant can do. */
    public static String decline(String language) {
        return Languages.all().of(language).reply("offTopic");
    }

    /** Four or more short lines without a number: a poem's shape, not an answer's. */
    private static boolean verses(String answer) {
        String[] lines = Arrays.stream(answer.strip().split("\\R"))
                .filter(l -> !l.isBlank())
                .toArray(String[]::new);
        return lines.length >= 3
                && Arrays.stream(lines).allMatch(l -> l.strip().length() <= 45 && !l.matches(".*\\d.*"));
    }
}
