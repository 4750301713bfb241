package org.holidaydesk.assistant.inbox;

import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions {@code inbox.camel.yaml} reads claimed callbacks in: one for a claimed batch, so that its
 * callbacks' messages, statuses and processed marks are committed together (a commit per batch, not two per
 * callback), and a savepoint per callback inside it, so that a callback whose statements fail is rolled back
 * alone and the rest of its batch is still committed.
 */
@Configuration(proxyBeanMethods = false)
class InboxTransactions {

    @Bean(InboxRoute.BATCH_TRANSACTION)
    SpringTransactionPolicy inboxBatchTransaction(PlatformTransactionManager transactions) {
        return policy(transactions, TransactionDefinition.PROPAGATION_REQUIRED);
    }

    @Bean(InboxRoute.CALLBACK_SAVEPOINT)
    SpringTransactionPolicy inboxCallbackSavepoint(PlatformTransactionManager transactions) {
        return policy(transactions, TransactionDefinition.PROPAGATION_NESTED);
    }

    private static SpringTransactionPolicy policy(PlatformTransactionManager transactions, int propagation) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(propagation);
        return new SpringTransactionPolicy(template);
    }
}
