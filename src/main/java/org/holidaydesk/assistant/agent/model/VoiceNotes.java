package org.holidaydesk.assistant.agent.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.langchain4j.data.audio.Audio;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.audio.AudioTranscriptionModel;
import dev.langchain4j.model.audio.AudioTranscriptionRequest;
import dev.langchain4j.model.openai.OpenAiAudioTranscriptionModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Body;
import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.LeasedTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.config.ModelProperties;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Voice notes understood: with a model key, each voice note of a turn is fetched from the Cloud API
 * ({@code GET /{version}/{media-id}} for its URL, then the file with the same bearer token; at most
 * {@code assistant.model.voice-note-max-bytes}, within {@code voice-note-timeout}), transcribed by
 * LangChain4j's OpenAI transcription model ({@code /audio/transcriptions}, {@code OPENAI_TRANSCRIPTION_MODEL}), and answered as
 * if typed. The audio is held in memory only for the transcription, never stored. A voice note that
 * cannot be fetched or understood stays unread; a turn with nothing else to read then fails, and the
 * offline agent answers it with what the assistant can read.
 */
@Component("voiceNotes")
public class VoiceNotes implements DisposableBean {

    /** A turn whose voice notes could not be understood and that has nothing else to read. */
    static final class UnreadableException extends RuntimeException {
        UnreadableException(String message) {
            super(message);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(VoiceNotes.class);
    /** What {@code GET /{version}/{media-id}} answers (the fields read of it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Media(
            String url,
            @JsonProperty("mime_type") String mimeType,
            @JsonProperty("file_size") Long fileSize) {}

    private final ModelProperties model;
    private final WhatsAppProperties whatsApp;
    private final HttpClient http;
    private final RestClient media;
    private final AudioTranscriptionModel transcriber;

    public VoiceNotes(ModelProperties model, WhatsAppProperties whatsApp) {
        this.model = model;
        this.whatsApp = whatsApp;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(model.voiceNoteTimeout());
        this.media = RestClient.builder().requestFactory(requests).build();
        this.transcriber = OpenAiAudioTranscriptionModel.builder()
                // HTTP/1.1: a plain-http endpoint cancels the multipart upload the JDK offers as an h2c upgrade
                .httpClientProvider(new JdkHttpClientBuilder()
                        .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)))
                .baseUrl(model.baseUrl())
                .apiKey(model.enabled() ? model.apiKey() : "no-key-configured")
                .modelName(model.transcriptionModel())
                .timeout(model.voiceNoteTimeout())
                .maxRetries(0)
                .build();
    }

    /** The turn with each voice note's words in place of the audio. */
    public LeasedTurn transcribe(@Body LeasedTurn leased) {
        List<TurnMessage> messages = leased.turn().messages();
        if (messages.stream().noneMatch(VoiceNotes::unheard)) {
            return leased;
        }
        List<TurnMessage> read = new ArrayList<>(messages.size());
        boolean anyUnderstood = false;
        for (TurnMessage message : messages) {
            if (!unheard(message)) {
                read.add(message);
                continue;
            }
            String words = words(message.mediaId());
            anyUnderstood |= words != null;
            read.add(words == null ? message : message.transcribed(words));
        }
        GuestTurn turn = leased.turn();
        GuestTurn understood =
                new GuestTurn(turn.guestId(), turn.displayName(), turn.languageHint(), read, turn.today());
        if (!anyUnderstood && understood.text().isBlank()) {
            throw new UnreadableException("no voice note of the turn could be understood");
        }
        return leased.with(understood);
    }

    private static boolean unheard(TurnMessage message) {
        return message.kind() == MessageKind.AUDIO
                && message.mediaId() != null
                && (message.text() == null || message.text().isBlank());
    }

    /** What one voice note says, or null when it cannot be fetched or understood. */
    private String words(String mediaId) {
        if (!model.enabled() || !whatsApp.hasAccessToken()) {
            return null;
        }
        Instant deadline = Instant.now().plus(model.voiceNoteTimeout());
        try {
            Media metadata = media.get()
                    .uri(URI.create(whatsApp.graphUrl(mediaId)))
                    .header("Authorization", "Bearer " + whatsApp.accessToken())
                    .retrieve()
                    .body(Media.class);
            long size = metadata == null || metadata.fileSize() == null ? -1 : metadata.fileSize();
            if (size > model.voiceNoteMaxBytes().toBytes()) {
                LOG.info(
                        "A voice note of {} bytes is over the {} limit; the guest is asked to type",
                        size,
                        model.voiceNoteMaxBytes());
                return null;
            }
            String url = metadata == null ? null : metadata.url();
            if (url == null || url.isBlank()) {
                return null;
            }
            left(deadline);
            byte[] audio = download(URI.create(url), model.voiceNoteMaxBytes().toBytes());
            // the transcription model names the file from the bare media type ("audio/ogg", not "…; codecs=opus")
            String mimeType = (metadata.mimeType() == null ? "audio/ogg" : metadata.mimeType())
                    .split(";")[0]
                    .strip()
                    .toLowerCase(Locale.ROOT);
            left(deadline);
            String text = transcriber
                    .transcribe(AudioTranscriptionRequest.builder()
                            .audio(Audio.builder()
                                    .binaryData(audio)
                                    .mimeType(mimeType)
                                    .build())
                            .build())
                    .text();
            return text == null || text.isBlank() ? null : text.strip();
        } catch (RuntimeException e) {
            LOG.warn("A voice note could not be understood: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    /** The file, read only up to its limit (a larger one is refused without reading the rest). */
    private byte[] download(URI uri, long maxBytes) {
        return media.get()
                .uri(uri)
                .header("Authorization", "Bearer " + whatsApp.accessToken())
                .exchange((request, response) -> {
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new IOException("HTTP " + response.getStatusCode().value());
                    }
                    try (InputStream body = response.getBody()) {
                        return readAtMost(body, maxBytes);
                    }
                });
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new IOException("over " + maxBytes + " bytes");
        }
        return bytes;
    }

    private static Duration left(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new IllegalStateException("out of time");
        }
        return left;
    }

    @Override
    public void destroy() {
        http.close();
    }
}
