package io.riskstream.common.application;

import java.util.function.Supplier;

/**
 * The port that makes a use case's writes and publications atomic: all of them happen, or none. No network call
 * (a provider, another service) belongs inside one: fetch first, then store.
 */
public interface UnitOfWork {

    <T> T call(Supplier<T> work);

    default void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Runs the work as it is, for tests of use cases on in-memory ports. */
    static UnitOfWork direct() {
        return new UnitOfWork() {
            @Override
            public <T> T call(Supplier<T> work) {
                return work.get();
            }
        };
    }
}
