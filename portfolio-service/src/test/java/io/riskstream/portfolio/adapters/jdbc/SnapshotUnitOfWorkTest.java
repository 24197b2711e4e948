package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.application.ConcurrentChangeException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotUnitOfWorkTest {

    /** Records the transactions asked for; its commit fails as PostgreSQL's does on a serialization failure. */
    private static final class Transactions implements PlatformTransactionManager {
        final List<TransactionDefinition> begun = new ArrayList<>();
        boolean commitFails;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            begun.add(definition);
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            if (commitFails) {
                throw new PessimisticLockingFailureException("could not serialize access due to concurrent update");
            }
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }

    private final Transactions transactions = new Transactions();
    private final SnapshotUnitOfWork unitOfWork = new SnapshotUnitOfWork(transactions);

    @Test
    void theWorkRunsInOneRepeatableReadTransaction() {
        assertThat(unitOfWork.call(() -> 7)).isEqualTo(7);
        assertThat(transactions.begun).singleElement().extracting(TransactionDefinition::getIsolationLevel)
                .isEqualTo(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @Test
    void aConcurrentUpdateIsReportedAsTheApplicationsConcurrentChange() {
        transactions.commitFails = true;
        assertThatThrownBy(() -> unitOfWork.call(() -> 7)).isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("could not serialize access")
                .hasCauseInstanceOf(PessimisticLockingFailureException.class);
    }
}
