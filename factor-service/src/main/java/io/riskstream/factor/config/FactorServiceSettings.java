package io.riskstream.factor.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/** {@code riskstream.factors.*}. */
@ConfigurationProperties("riskstream.factors")
public record FactorServiceSettings(@DefaultValue("adj_close") String priceColumn,
                                    @DefaultValue("365") int horizonDays,
                                    @DefaultValue("1.0") double ridgeAlpha,
                                    @DefaultValue({"SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV"}) List<String> benchmarks,
                                    @DefaultValue("40") int datesPerEvent) {
}
