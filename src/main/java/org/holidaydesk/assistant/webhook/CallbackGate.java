package org.holidaydesk.assistant.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.holidaydesk.assistant.config.InboxProperties;
import org.holidaydesk.assistant.config.WhatsAppProperties;
import org.springframework.stereotype.Component;

/**
 * The checks a callback passes before it is stored, in the order {@code webhook.camel.yaml} calls them:
 * size, signature, envelope. Each failure is a {@link CallbackRejectedException} the route turns into
 * its HTTP status. The GET verification challenge is answered here too.
 */
@Component("callbackGate")
public class CallbackGate {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final SignatureVerifier signatures;
    private final byte[] verifyToken;
    private final long maxBodyBytes;

    public CallbackGate(WhatsAppProperties whatsApp, InboxProperties inbox) {
        this.signatures = new SignatureVerifier(whatsApp.appSecret());
        this.verifyToken = whatsApp.verifyToken().getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = inbox.maxBodyBytes();
    }

    /** Refuses a body announced as too large before it is read. */
    public void checkAnnouncedSize(@Header("Content-Length") Long contentLength) throws CallbackRejectedException {
        if (contentLength != null && contentLength > maxBodyBytes) {
            throw new CallbackRejectedException.TooLarge("body of " + contentLength + " bytes is over " + maxBodyBytes);
        }
    }

    /** Verifies the signature over the raw bytes; returns them as the new body. */
    public byte[] verify(@Body byte[] body, @Header(SIGNATURE_HEADER) String signature)
            throws CallbackRejectedException {
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > maxBodyBytes) {
            throw new CallbackRejectedException.TooLarge("body of " + raw.length + " bytes is over " + maxBodyBytes);
        }
        if (!signatures.matches(raw, signature)) {
            throw new CallbackRejectedException.BadSignature(
                    signature == null
                            ? "no " + SIGNATURE_HEADER + " header"
                            : SIGNATURE_HEADER + " does not match the body");
        }
        EnvelopeCheck.requireWhatsAppCallback(raw);
        return raw;
    }

    /** Meta's subscription check: echo the challenge when mode and token match. */
    public String answerChallenge(
            @Header("hub.mode") String mode,
            @Header("hub.verify_token") String token,
            @Header("hub.challenge") String challenge)
            throws CallbackRejectedException {
        boolean tokenMatches =
                token != null && MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !tokenMatches || challenge == null) {
            throw new CallbackRejectedException.VerificationRefused("verification refused");
        }
        return challenge;
    }
}
