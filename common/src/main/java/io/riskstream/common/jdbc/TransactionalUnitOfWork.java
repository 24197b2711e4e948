package io.riskstream.common.jdbc;

import io.riskstream.common.application.UnitOfWork;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link UnitOfWork} as one database transaction of the service's own database (joining one already open). */
public class TransactionalUnitOfWork implements UnitOfWork {

    private final TransactionTemplate tx;

    public TransactionalUnitOfWork(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public <T> T call(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
