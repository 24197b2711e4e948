package io.riskstream.price.adapters.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.price.application.PriceMetrics;

/** {@code riskstream_price_history_replaced_total} and {@code riskstream_invalid_bars_total{provider}}. */
public class MicrometerPriceMetrics implements PriceMetrics {

    private final MeterRegistry meters;

    public MicrometerPriceMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void historyReplaced() {
        meters.counter("riskstream_price_history_replaced_total").increment();
    }

    @Override
    public void invalidBars(String provider, int count) {
        meters.counter("riskstream_invalid_bars_total", "provider", provider).increment(count);
    }
}
