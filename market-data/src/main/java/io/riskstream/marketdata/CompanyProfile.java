package io.riskstream.marketdata;

import java.time.LocalDate;
import java.util.List;

/**
 * A company profile as a provider answered it, in the parts asked for ({@link ProfilePart}); a part not asked for or
 * not answered is null, a field the provider lacks is null. ETFs and funds carry the fields that apply to them.
 * {@code source} names the provider that answered.
 */
public record CompanyProfile(String symbol, Identity identity, Valuation valuation, Trailing trailing,
                             Analysts analysts, List<AnnualEstimate> estimates, String source) {

    public CompanyProfile {
        estimates = estimates == null ? List.of() : List.copyOf(estimates);
    }

    /** Tier 3: who the company is. {@code beta} and {@code lastDividend} come with it on most providers. */
    public record Identity(String name, String sector, String industry, String exchange, String country,
                           String currency, boolean etf, boolean fund, Integer employees, String website, String ceo,
                           String description, Double beta, Double lastDividend) {
    }

    /** Tier 1 inputs as quoted: the ratios the provider computed itself are kept where it gives them. */
    public record Valuation(Double price, Double marketCap, Double week52High, Double week52Low, Double peRatio,
                            Double forwardPe, Double dividendYield, Double beta) {
    }

    /** Trailing-twelve-month figures; {@code epsTtm} and {@code dividendPerShare} are per share. */
    public record Trailing(Double epsTtm, Double dividendPerShare, Double peRatio, Double dividendYield,
                           Double grossMargin, Double operatingMargin, Double profitMargin, Double returnOnAssets,
                           Double returnOnEquity, Double revenueGrowth, Double earningsGrowth, Double totalRevenue) {
    }

    /** Analysts' price targets and ratings; {@code recommendation} is the consensus word in lower case ("buy"). */
    public record Analysts(Double targetMean, Double targetHigh, Double targetLow, Double targetMedian,
                           Integer analystCount, String recommendation, Double recommendationMean) {
    }

    /** The consensus estimate for one fiscal year ending {@code periodEnd}. */
    public record AnnualEstimate(LocalDate periodEnd, Double epsAvg, Double epsLow, Double epsHigh, Double revenueAvg,
                                 Double revenueLow, Double revenueHigh, Integer epsAnalysts,
                                 Integer revenueAnalysts) {
    }

    public CompanyProfile withSource(String provider) {
        return new CompanyProfile(symbol, identity, valuation, trailing, analysts, estimates, provider);
    }

    /** The parts of this answer that are present. */
    public java.util.Set<ProfilePart> parts() {
        java.util.Set<ProfilePart> parts = java.util.EnumSet.noneOf(ProfilePart.class);
        if (identity != null) {
            parts.add(ProfilePart.IDENTITY);
        }
        if (valuation != null) {
            parts.add(ProfilePart.VALUATION);
        }
        if (trailing != null) {
            parts.add(ProfilePart.TRAILING);
        }
        if (analysts != null || !estimates.isEmpty()) {
            parts.add(ProfilePart.ANALYSTS);
        }
        return parts;
    }
}
