package org.holidaydesk.assistant.reply;

/** What happens to a reply after one send; {@code reply.camel.yaml} branches on it. */
public enum SendAction {
    /** Meta accepted it: mark it sent. */
    DELIVER,
    /** A passing failure: send it again after a backoff. */
    RETRY,
    /** Too many messages to this guest in a short time (131056): hold the guest's replies a while, then retry. */
    PACE,
    /** It will never be delivered as it is: keep it for an operator. */
    DEAD_LETTER,
    /** Nothing can be sent to anyone (token, blocked account): stop sending, keep every reply queued. */
    PAUSE
}
