package org.holidaydesk.assistant.agent.control;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.Body;
import org.holidaydesk.assistant.agent.intents.Handoffs;
import org.holidaydesk.assistant.agent.offline.GuestContexts;
import org.holidaydesk.assistant.agent.turn.TurnTraces;
import org.holidaydesk.assistant.funnel.BillableMessages;
import org.holidaydesk.assistant.inbox.GuestAliases;
import org.holidaydesk.assistant.inbox.GuestMessages;
import org.holidaydesk.assistant.memory.ChatMemories;
import org.holidaydesk.assistant.memory.Mem0Client;
import org.holidaydesk.assistant.privacy.Masking;
import org.holidaydesk.assistant.reply.Outbox;
import org.holidaydesk.assistant.webhook.MessageKind;
import org.holidaydesk.assistant.webhook.UserIdChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Meta's {@code user_changed_user_id}: the same guest under a new business-scoped user id. A guest known by phone
 * number keeps their id (the new user id names them too, as {@code guest_alias} does). A guest known only by their
 * old user id moves to the new one in one transaction: their messages and turn lease, conversation, request context,
 * handoff, who answers them, replies not sent yet and held ones, open dead letters, turn traces and the count of
 * billable messages of their open conversation; replies go to the
 * new id, and a late message under the old id still finds them. Their Mem0 memories follow after the commit (Mem0
 * has no rename: each memory is added under the new id, then the old id's are erased; best effort).
 */
@Component("guestIdentity")
public class GuestIdentity implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(GuestIdentity.class);

    private final GuestMessages messages;
    private final GuestAliases aliases;
    private final ChatMemories conversations;
    private final GuestContexts contexts;
    private final Handoffs handoffs;
    private final ThreadControl control;
    private final Outbox outbox;
    private final TurnTraces traces;
    private final Mem0Client mem0;
    private final BillableMessages billing;
    private final ExecutorService afterCommit = Executors.newVirtualThreadPerTaskExecutor();

    public GuestIdentity(
            GuestMessages messages,
            GuestAliases aliases,
            ChatMemories conversations,
            GuestContexts contexts,
            Handoffs handoffs,
            ThreadControl control,
            Outbox outbox,
            TurnTraces traces,
            Mem0Client mem0,
            BillableMessages billing) {
        this.messages = messages;
        this.aliases = aliases;
        this.conversations = conversations;
        this.contexts = contexts;
        this.handoffs = handoffs;
        this.control = control;
        this.outbox = outbox;
        this.traces = traces;
        this.mem0 = mem0;
        this.billing = billing;
    }

    @Transactional
    public void change(@Body UserIdChange change) {
        String from = aliases.guestNamedBy(change.oldUserId());
        String address = change.phoneNumber() != null && !change.phoneNumber().isBlank() ? change.phoneNumber() : from;
        if (!messages.recordQuietly(
                change.wamid(), from, address, change.phoneNumberId(), MessageKind.SYSTEM, null, change.at())) {
            return;
        }
        String to = change.newUserId();
        if (from.equals(to)) {
            return;
        }
        if (!from.equals(change.oldUserId())) {
            // known by phone number: the new user id names the same guest, nothing moves
            aliases.link(to, from);
            LOG.info("Guest {} has a new user id {}", Masking.recipient(from), Masking.recipient(to));
            return;
        }
        messages.moveGuest(from, to);
        aliases.moveGuest(from, to);
        conversations.moveGuest(from, to);
        contexts.moveGuest(from, to);
        handoffs.moveGuest(from, to);
        control.moveGuest(from, to);
        outbox.moveGuest(from, to);
        traces.moveGuest(from, to);
        billing.moveGuest(from, to);
        LOG.info(
                "Guest {} is now {}: their conversation, context, handoff and replies moved",
                Masking.recipient(from),
                Masking.recipient(to));
        Runnable memories = () -> {
            if (!mem0.moveUser(from, to)) {
                LOG.warn(
                        "Mem0 memories of {} did not move to {}; they stay under the old id",
                        Masking.recipient(from),
                        Masking.recipient(to));
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.submit(memories);
                }
            });
        } else {
            afterCommit.submit(memories);
        }
    }

    @Override
    public void destroy() {
        afterCommit.shutdown();
    }
}
