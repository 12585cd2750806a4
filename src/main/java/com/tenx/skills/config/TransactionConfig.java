package com.tenx.skills.config;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring Boot's JPA transaction manager, except for a rollback on a connection the
 * database link already broke: the pool has closed that connection, so the rollback
 * fails, and its failure would replace the one that explains what happened (a socket
 * timeout, a reset connection), which the web edge answers as 503. Nothing is lost by
 * skipping it: a transaction on a dead session is never committed, and PostgreSQL
 * discards it when the session ends.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfig {

    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        JpaTransactionManager manager = new LostConnectionTolerant(entityManagerFactory);
        customizers.ifAvailable(each -> each.customize(manager));
        return manager;
    }

    private static final class LostConnectionTolerant extends JpaTransactionManager {

        private static final Logger log = LoggerFactory.getLogger(TransactionConfig.class);

        LostConnectionTolerant(EntityManagerFactory entityManagerFactory) {
            super(entityManagerFactory);
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            try {
                super.doRollback(status);
            }
            catch (RuntimeException e) {
                if (!connectionClosed()) {
                    throw e;
                }
                log.debug("Skipped the rollback on a lost connection: {}", e.getMessage());
            }
        }

        private boolean connectionClosed() {
            if (!(TransactionSynchronizationManager
                .getResource(obtainEntityManagerFactory()) instanceof EntityManagerHolder holder)) {
                return false;
            }
            try {
                return holder.getEntityManager().unwrap(Session.class).doReturningWork(Connection::isClosed);
            }
            catch (RuntimeException e) {
                return false;
            }
        }

    }

}
