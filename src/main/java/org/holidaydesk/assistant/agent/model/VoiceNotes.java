package org.holidaydesk.assistant.agent.model;

import org.holidaydesk.assistant.agent.GuestTurn;
import org.holidaydesk.assistant.agent.TurnMessage;
import org.holidaydesk.assistant.agent.LeasedTurn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Body;
import org.holidaydesk.assistant.config.ModelProperties;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Voice notes understood: with a model key, each voice note of a turn is fetched from the Cloud API
 * ({@code GET /{version}/{media-id}} for its URL, then the file with the same bearer token; at most
 * {@code assistant.model.voice-note-max-bytes}, within {@code voice-note-timeout}), transcribed by the
 * OpenAI-compatible {@code /audio/transcriptions} ({@code OPENAI_TRANSCRIPTION_MODEL}), and answered as
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelProperties model;
    private final WhatsAppProperties whatsApp;
    private final HttpClient http;

    public VoiceNotes(ModelProperties model, WhatsAppProperties whatsApp) {
        this.model = model;
        this.whatsApp = whatsApp;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
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
        GuestTurn understood = new GuestTurn(turn.guestId(), turn.displayName(), turn.languageHint(), read, turn.today());
        if (!anyUnderstood && understood.text().isBlank()) {
            throw new UnreadableException("no voice note of the turn could be understood");
        }
        return leased.with(understood);
    }

    private static boolean unheard(TurnMessage message) {
        return message.kind() == MessageKind.AUDIO && message.mediaId() != null
                && (message.text() == null || message.text().isBlank());
    }

    /** What one voice note says, or null when it cannot be fetched or understood. */
    private String words(String mediaId) {
        if (!model.enabled() || !whatsApp.hasAccessToken()) {
            return null;
        }
        Instant deadline = Instant.now().plus(model.voiceNoteTimeout());
        try {
            JsonNode media = JSON.readTree(get(URI.create(whatsApp.graphUrl(mediaId)), deadline, 64 * 1024));
            long size = media.path("file_size").asLong(-1);
            if (size > model.voiceNoteMaxBytes().toBytes()) {
                LOG.info("A voice note of {} bytes is over the {} limit; the guest is asked to type", size,
                        model.voiceNoteMaxBytes());
                return null;
            }
            String url = media.path("url").asText(null);
            if (url == null || url.isBlank()) {
                return null;
            }
            byte[] audio = get(URI.create(url), deadline, model.voiceNoteMaxBytes().toBytes());
            String mimeType = media.path("mime_type").asText("audio/ogg");
            String text = transcription(audio, mimeType, deadline);
            return text == null || text.isBlank() ? null : text.strip();
        } catch (IOException | RuntimeException e) {
            LOG.warn("A voice note could not be understood: {}", e.getClass().getSimpleName());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private byte[] get(URI uri, Instant deadline, long maxBytes) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(left(deadline))
                .header("Authorization", "Bearer " + whatsApp.accessToken()).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return readAtMost(body, maxBytes);
        }
    }

    private String transcription(byte[] audio, String mimeType, Instant deadline) throws IOException, InterruptedException {
        String boundary = "----voice-note-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream(audio.length + 512);
        field(form, boundary, "model", model.transcriptionModel());
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"voice-note."
                + extension(mimeType) + "\"\r\nContent-Type: " + mimeType.split(";")[0].strip() + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        form.write(audio);
        form.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String base = model.baseUrl().endsWith("/") ? model.baseUrl() : model.baseUrl() + "/";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "audio/transcriptions")).timeout(left(deadline))
                .header("Authorization", "Bearer " + model.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("transcription HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("text").asText(null);
    }

    private static void field(ByteArrayOutputStream form, String boundary, String name, String value) throws IOException {
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String extension(String mimeType) {
        String type = mimeType.toLowerCase(java.util.Locale.ROOT);
        if (type.contains("mpeg") || type.contains("mp3")) {
            return "mp3";
        }
        if (type.contains("mp4") || type.contains("m4a") || type.contains("aac")) {
            return "m4a";
        }
        if (type.contains("wav")) {
            return "wav";
        }
        return "ogg";
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
