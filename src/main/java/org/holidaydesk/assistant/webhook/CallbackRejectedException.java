package org.holidaydesk.assistant.webhook;

/** A callback the webhook refuses; the routes map each subtype to its HTTP status. Nothing is stored. */
public abstract class CallbackRejectedException extends Exception {

    protected CallbackRejectedException(String message) {
        super(message, null, false, false);
    }

    /** 401: missing or wrong {@code X-Hub-Signature-256}. */
    public static final class BadSignature extends CallbackRejectedException {
        public BadSignature(String message) {
            super(message);
        }
    }

    /** 400: signed, but not JSON or not a WhatsApp Business Account callback. */
    public static final class Malformed extends CallbackRejectedException {
        public Malformed(String message) {
            super(message);
        }
    }

    /** 413: over the body limit. */
    public static final class TooLarge extends CallbackRejectedException {
        public TooLarge(String message) {
            super(message);
        }
    }

    /** 403: the GET verification did not carry our verify token. */
    public static final class VerificationRefused extends CallbackRejectedException {
        public VerificationRefused(String message) {
            super(message);
        }
    }
}
