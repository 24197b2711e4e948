package io.riskstream.factor.application;

import io.riskstream.common.event.PriceBar;
import io.riskstream.common.marketdata.PriceColumn;
import io.riskstream.factor.domain.exposure.PriceSeries;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** factor-service's own copy of the prices its regressions need, fed by prices-ready. */
public interface PriceWindowStore {

    void upsert(String symbol, List<PriceBar> bars);

    /** Replaces the symbol's whole stored history (after a split or a re-adjustment). */
    void replace(String symbol, List<PriceBar> bars);

    PriceSeries load(String symbol, LocalDate from, LocalDate to, PriceColumn column);

    Optional<LocalDate> latest(String symbol);

    List<LocalDate> dates(String symbol, LocalDate from, LocalDate to);
}
