package io.riskstream.price.config;

import io.riskstream.price.application.BenchmarkBootstrap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the benchmark bootstrap at start-up and, while it fails, again after a pause that doubles up to ten minutes.
 * A provider that is down or refuses the key never stops the service from starting.
 */
class BenchmarkBootstrapRunner implements ApplicationRunner, DisposableBean {

    static final Duration MAX_PAUSE = Duration.ofMinutes(10);

    private final BenchmarkBootstrap bootstrap;
    private final boolean enabled;
    private final Duration firstPause;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "benchmark-bootstrap");
        t.setDaemon(true);
        return t;
    });

    BenchmarkBootstrapRunner(BenchmarkBootstrap bootstrap, boolean enabled, Duration firstPause) {
        this.bootstrap = bootstrap;
        this.enabled = enabled;
        this.firstPause = firstPause;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && !bootstrap.run()) {
            schedule(firstPause);
        }
    }

    private void schedule(Duration pause) {
        try {
            retries.schedule(() -> {
                if (!bootstrap.run()) {
                    Duration next = pause.multipliedBy(2);
                    schedule(next.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : next);
                }
            }, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the service is stopping (a start-up cut short): nothing to retry
        }
    }

    boolean enabled() {
        return enabled;
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
