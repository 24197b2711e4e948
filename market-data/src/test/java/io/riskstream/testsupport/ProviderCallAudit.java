package io.riskstream.testsupport;

import io.riskstream.marketdata.MarketDataProvider;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Watches a service's market-data provider: every call, and whether a database transaction was open on the calling
 * thread when it was made. A provider call inside a transaction holds a connection (and the rows it locked) while a
 * rate-limited, retried provider answers: fetch first, then store. {@code @Import} it into a Spring test, then assert
 * {@link #calls()} grew and {@link #insideTransaction()} is empty.
 */
public class ProviderCallAudit implements BeanPostProcessor {

    /** Methods that ask nothing of the provider. */
    private static final Set<String> LOCAL = Set.of("name", "suppliesProfiles", "toString", "hashCode", "equals");

    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> insideTransaction = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof MarketDataProvider provider)) {
            return bean;
        }
        InvocationHandler audited = (proxy, method, args) -> {
            if (!LOCAL.contains(method.getName())) {
                calls.incrementAndGet();
                if (TransactionSynchronizationManager.isActualTransactionActive()) {
                    insideTransaction.add(method.getName() + (args == null ? "()" : List.of(args).toString()));
                }
            }
            try {
                return method.invoke(provider, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(MarketDataProvider.class.getClassLoader(),
                new Class<?>[] {MarketDataProvider.class}, audited);
    }

    /** Provider calls made so far. */
    public int calls() {
        return calls.get();
    }

    /** The calls made while a transaction was open, with their arguments. */
    public List<String> insideTransaction() {
        return List.copyOf(insideTransaction);
    }
}
