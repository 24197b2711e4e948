package io.riskstream.price.adapters.jdbc;

import io.riskstream.price.application.StoreFailures;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/** A failure of the database: Spring's data-access exceptions, and a transaction that could not be opened or ended. */
public class DataAccessStoreFailures implements StoreFailures {

    @Override
    public boolean isStoreFailure(RuntimeException e) {
        return e instanceof DataAccessException || e instanceof TransactionException;
    }
}
