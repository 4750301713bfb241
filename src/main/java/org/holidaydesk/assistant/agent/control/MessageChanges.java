package org.holidaydesk.assistant.agent.control;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.Body;
import org.holidaydesk.assistant.inbox.GuestAliases;
import org.holidaydesk.assistant.inbox.GuestMessages;
import org.holidaydesk.assistant.inbox.RecordedMessage;
import org.holidaydesk.assistant.memory.ChatMemories;
import org.holidaydesk.assistant.memory.Mem0Client;
import org.holidaydesk.assistant.privacy.Masking;
import org.holidaydesk.assistant.webhook.MessageChange;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A guest's (or the owner's) edit or revoke of an earlier message, on coexistence numbers.
 * <ul>
 * <li>An edit of a message not answered yet replaces its words; a turn that already took it in starts over, so
 * the guest gets one answer, for the edited words.</li>
 * <li>An edit of a message already answered replaces its words in the conversation the model keeps (the edited
 * words, not both) and starts a new turn that reads the correction.</li>
 * <li>A revoke of a message not answered yet takes it out of its turn: nothing is answered for it. A revoke of a
 * message already answered takes its words (and, when it was the turn's only message, the answer to it) out of the
 * conversation, and erases that turn's Mem0 memories.</li>
 * <li>The owner's edits and revokes of what they sent from the WhatsApp Business app update the person's words
 * in the conversation the same way.</li>
 * </ul>
 * Each change is kept once by its own id, so Meta's redelivery changes nothing twice.
 */
@Component("messageChanges")
public class MessageChanges implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(MessageChanges.class);

    private final GuestMessages messages;
    private final GuestAliases aliases;
    private final ChatMemories conversations;
    private final Mem0Client mem0;
    private final MeterRegistry meters;
    private final ExecutorService afterCommit = Executors.newVirtualThreadPerTaskExecutor();

    public MessageChanges(
            GuestMessages messages,
            GuestAliases aliases,
            ChatMemories conversations,
            Mem0Client mem0,
            MeterRegistry meters) {
        this.messages = messages;
        this.aliases = aliases;
        this.conversations = conversations;
        this.mem0 = mem0;
        this.meters = meters;
    }

    @Transactional
    public void apply(@Body MessageChange change) {
        String guestId = aliases.guestNamedBy(change.guestAddress());
        if (!messages.recordQuietly(
                change.wamid(),
                guestId,
                change.guestAddress(),
                change.phoneNumberId(),
                change.revoke() ? MessageKind.REVOKE : MessageKind.EDIT,
                change.text(),
                change.at())) {
            return;
        }
        Optional<RecordedMessage> original = messages.recorded(change.originalWamid());
        String what = (change.byBusiness() ? "owner_" : "guest_") + (change.revoke() ? "revoke" : "edit");
        meters.counter("whatsapp.message.changes", "change", what).increment();
        if (original.isEmpty()) {
            // a message this service never kept (or forgot): an edit is read as the guest's words now
            if (!change.revoke()
                    && !change.byBusiness()
                    && change.text() != null
                    && !change.text().isBlank()) {
                messages.awaitAnswer(change.wamid(), guestId);
            }
            LOG.info(
                    "A {} of a message not kept here, from guest {}",
                    what.replace('_', ' '),
                    Masking.recipient(guestId));
            return;
        }
        RecordedMessage message = original.get();
        if (change.revoke()) {
            revoke(message);
        } else {
            edit(message, change);
        }
        LOG.info(
                "Applied a {} of a{} message of guest {}",
                what.replace('_', ' '),
                message.pending() ? "n unanswered" : message.answered() ? "n answered" : " kept",
                Masking.recipient(guestId));
    }

    private void edit(RecordedMessage message, MessageChange change) {
        String text = change.text() == null ? "" : change.text();
        messages.edit(message.wamid(), text);
        if (message.pending()) {
            return;
        }
        conversations.replaceWords(message.guestId(), message.body(), text);
        // the guest corrected a message already answered: a new turn reads the correction
        if (message.answered() && !change.byBusiness() && !text.isBlank()) {
            messages.awaitAnswer(change.wamid(), message.guestId());
        }
    }

    private void revoke(RecordedMessage message) {
        messages.revoke(message.wamid());
        if (message.pending()) {
            return;
        }
        conversations.removeWords(message.guestId(), message.body());
        if (message.answeredIn() != null) {
            String guestId = message.guestId();
            String turn = message.answeredIn();
            runAfterCommit(() -> mem0.forgetTurn(guestId, turn));
        }
    }

    /** Mem0 is called once the change is committed, off the inbox's path (it may take a couple of seconds). */
    private void runAfterCommit(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.submit(task);
                }
            });
        } else {
            afterCommit.submit(task);
        }
    }

    @Override
    public void destroy() {
        afterCommit.shutdown();
    }
}
