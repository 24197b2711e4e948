package io.riskstream.portfolio.domain;

import io.riskstream.portfolio.domain.risk.RiskAnalytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * One valued (portfolio, date): its snapshot, concentration, sectors, factor exposures, risk analytics and position
 * values, and whether (and why) it is partial. {@code risk} is null when the risk analytics are switched off.
 */
public record ValuedDate(DailySnapshotCalculation.Snapshot snapshot, Concentration concentration,
                         SectorExposure sectors, FactorExposureCalculation.Result exposures, Completeness completeness,
                         RiskAnalytics risk, List<PositionValuation.Value> positions) {

    /** Decimal places of a stored NAV (numeric(28, 6)); the next date rolls forward from the stored, rounded value. */
    public static final int NAV_SCALE = 6;

    /** The NAV as stored: rounded half up to {@link #NAV_SCALE} places, as PostgreSQL rounds numeric input. */
    public static BigDecimal storedNav(double equity) {
        return BigDecimal.valueOf(equity).setScale(NAV_SCALE, RoundingMode.HALF_UP);
    }

    public LocalDate date() {
        return snapshot.date();
    }

    public boolean partial() {
        return completeness.partial();
    }

    /** What the next date rolls forward from: this snapshot with its NAV as stored, as a later drain reads it back. */
    public DailySnapshotCalculation.Previous asPrevious() {
        return new DailySnapshotCalculation.Previous(date(), storedNav(snapshot.equity()).doubleValue(),
                snapshot.cumulativePnl(), snapshot.cumulativeRealizedPnl(), snapshot.cumulativeCapitalFlow());
    }
}
