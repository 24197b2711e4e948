package io.riskstream.factor.adapters.cli;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Computes the symbols on every core while the caller takes the results in the symbols' order, so the output is the
 * same as a single thread's. At most a few symbols per thread run ahead of the caller, which bounds the memory held.
 */
final class SymbolPipeline<T> implements AutoCloseable {

    private static final int AHEAD_PER_THREAD = 4;

    private final Iterator<String> symbols;
    private final Function<String, T> work;
    private final ExecutorService threads;
    private final Queue<Future<T>> pending = new ArrayDeque<>();
    private final int ahead;

    SymbolPipeline(List<String> symbols, Function<String, T> work) {
        this(symbols, work, Runtime.getRuntime().availableProcessors());
    }

    SymbolPipeline(List<String> symbols, Function<String, T> work, int threadCount) {
        this.symbols = symbols.iterator();
        this.work = work;
        this.threads = Executors.newFixedThreadPool(threadCount, Thread.ofPlatform().daemon().name("compute-", 1).factory());
        this.ahead = threadCount * AHEAD_PER_THREAD;
        fill();
    }

    /** The next symbol's result; rethrows what its computation threw (a RuntimeException or an Error). */
    T next() {
        Future<T> head = pending.remove();
        fill();
        try {
            return head.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing", e);
        }
    }

    private void fill() {
        while (pending.size() < ahead && symbols.hasNext()) {
            String symbol = symbols.next();
            pending.add(threads.submit(() -> work.apply(symbol)));
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
