package io.riskstream.price.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code riskstream.prices.*}: how much history a symbol needs (one year plus the longest factor window), the
 * benchmark ETFs kept current for factor-service, whether to fetch them at start-up (and the first pause before trying
 * again when the provider cannot answer then), and the weekday of the UNIVERSE tier's refresh.
 */
@ConfigurationProperties("riskstream.prices")
public record PriceSettings(@DefaultValue("575") int historyDays,
                            @DefaultValue({"SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV"}) List<String> benchmarks,
                            @DefaultValue("true") boolean bootstrapBenchmarks,
                            @DefaultValue("FRIDAY") java.time.DayOfWeek universeRefreshDay,
                            @DefaultValue("30s") java.time.Duration bootstrapRetry) {
}
