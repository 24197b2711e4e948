package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.portfolio.application.ConcurrentChangeException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * The drain's unit of work: one repeatable-read transaction, so everything it reads belongs to a single snapshot. A
 * write that meets a row changed since (a serialization failure) or a lock conflict rolls it back and is reported as
 * the application's {@link ConcurrentChangeException}.
 */
public class SnapshotUnitOfWork implements UnitOfWork {

    private final TransactionTemplate tx;

    public SnapshotUnitOfWork(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @Override
    public <T> T call(Supplier<T> work) {
        try {
            return tx.execute(status -> work.get());
        } catch (ConcurrencyFailureException e) {
            throw new ConcurrentChangeException("changed by a concurrent transaction: " + e.getMessage(), e);
        }
    }
}
