package io.riskstream.profile.application;

import io.riskstream.marketdata.CompanyProfile;
import io.riskstream.marketdata.EarningsDate;
import io.riskstream.marketdata.ProfilePart;
import io.riskstream.profile.domain.Profile;
import io.riskstream.profile.domain.ProfileField;
import io.riskstream.profile.domain.RefreshTiers.Tier;
import io.riskstream.profile.domain.Valuation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.riskstream.profile.domain.ProfileField.*;

/**
 * Translates a provider's answer into the fields of the tiers being refreshed: identity (static), the session's
 * valuation and the ratios derived from it (daily), the trailing figures, analysts and estimates (quarterly). A
 * daily ratio divides the fresh price by the per-share figures of the quarterly tier — refreshed in the same answer,
 * or as stored — so a daily refresh costs one batch quote, not a profile call per symbol.
 */
final class ProviderProfiles {

    private ProviderProfiles() {
    }

    /** The provider parts a refresh of {@code tiers} needs. */
    static Set<ProfilePart> parts(Set<Tier> tiers) {
        Set<ProfilePart> parts = EnumSet.noneOf(ProfilePart.class);
        if (tiers.contains(Tier.DAILY)) {
            parts.add(ProfilePart.VALUATION);
        }
        if (tiers.contains(Tier.QUARTERLY)) {
            // the identity answer carries beta and the annual dividend
            parts.addAll(List.of(ProfilePart.IDENTITY, ProfilePart.TRAILING, ProfilePart.ANALYSTS));
        }
        if (tiers.contains(Tier.STATIC)) {
            parts.add(ProfilePart.IDENTITY);
        }
        return parts;
    }

    /**
     * The refreshed profile's values for {@code tiers} (fields of other tiers as stored); {@code today} decides
     * which fiscal year's estimates are "current".
     */
    static Profile of(CompanyProfile p, Profile stored, Set<Tier> tiers, LocalDate today) {
        Map<ProfileField, Object> v = new EnumMap<>(ProfileField.class);
        v.putAll(stored.values());
        CompanyProfile.Identity id = p.identity();
        if (tiers.contains(Tier.STATIC) && id != null) {
            v.put(NAME, id.name());
            v.put(SECTOR, id.sector());
            v.put(INDUSTRY, id.industry());
            v.put(EXCHANGE, id.exchange());
            v.put(COUNTRY, id.country());
            v.put(CURRENCY, id.currency());
            v.put(CEO, id.ceo());
            v.put(EMPLOYEES, id.employees());
            v.put(WEBSITE, id.website());
            v.put(IS_ETF, id.etf());
            v.put(IS_FUND, id.fund());
            v.put(DESCRIPTION, id.description());
        }
        if (tiers.contains(Tier.QUARTERLY)) {
            quarterly(p, v, today);
        }
        if (tiers.contains(Tier.DAILY) && p.valuation() != null) {
            daily(p, v);
        }
        return new Profile(p.symbol(), v).applicable();
    }

    private static void quarterly(CompanyProfile p, Map<ProfileField, Object> v, LocalDate today) {
        CompanyProfile.Trailing t = p.trailing();
        CompanyProfile.Identity id = p.identity();
        v.put(EPS_TTM, t == null ? null : t.epsTtm());
        Double dividend = t != null && t.dividendPerShare() != null ? t.dividendPerShare()
                : id == null ? null : id.lastDividend();
        v.put(DIVIDEND_PER_SHARE, dividend);
        v.put(REVENUE_GROWTH, t == null ? null : t.revenueGrowth());
        v.put(EARNINGS_GROWTH, t == null ? null : t.earningsGrowth());
        v.put(PROFIT_MARGIN, t == null ? null : t.profitMargin());
        v.put(OPERATING_MARGIN, t == null ? null : t.operatingMargin());
        v.put(GROSS_MARGIN, t == null ? null : t.grossMargin());
        v.put(RETURN_ON_ASSETS, t == null ? null : t.returnOnAssets());
        v.put(RETURN_ON_EQUITY, t == null ? null : t.returnOnEquity());
        v.put(TOTAL_REVENUE, t == null ? null : t.totalRevenue());
        CompanyProfile.Analysts a = p.analysts();
        v.put(TARGET_MEAN_PRICE, a == null ? null : a.targetMean());
        v.put(TARGET_HIGH_PRICE, a == null ? null : a.targetHigh());
        v.put(TARGET_LOW_PRICE, a == null ? null : a.targetLow());
        v.put(RECOMMENDATION_KEY, a == null ? null : a.recommendation());
        v.put(RECOMMENDATION_MEAN, a == null ? null : a.recommendationMean());
        // the fiscal year not yet ended is "current", the one after it "next"
        List<CompanyProfile.AnnualEstimate> ahead = p.estimates().stream()
                .filter(e -> !e.periodEnd().isBefore(today)).toList();
        CompanyProfile.AnnualEstimate current = ahead.isEmpty() ? null : ahead.getFirst();
        CompanyProfile.AnnualEstimate next = ahead.size() < 2 ? null : ahead.get(1);
        Integer count = a != null && a.analystCount() != null ? a.analystCount()
                : current == null ? null : current.epsAnalysts();
        v.put(NUMBER_OF_ANALYST_OPINIONS, count);
        v.put(FORWARD_EPS, current == null ? null : current.epsAvg());
        v.put(FISCAL_YEAR_END, current == null ? null
                : "%02d-%02d".formatted(current.periodEnd().getMonthValue(), current.periodEnd().getDayOfMonth()));
        year(v, current, CURRENT_YEAR_END_DATE, CURRENT_YEAR_EARNINGS_AVG, CURRENT_YEAR_EARNINGS_LOW,
                CURRENT_YEAR_EARNINGS_HIGH, CURRENT_YEAR_REVENUE_AVG, CURRENT_YEAR_REVENUE_LOW, CURRENT_YEAR_REVENUE_HIGH);
        year(v, next, NEXT_YEAR_END_DATE, NEXT_YEAR_EARNINGS_AVG, NEXT_YEAR_EARNINGS_LOW, NEXT_YEAR_EARNINGS_HIGH,
                NEXT_YEAR_REVENUE_AVG, NEXT_YEAR_REVENUE_LOW, NEXT_YEAR_REVENUE_HIGH);
        if (current != null && next != null && current.revenueAvg() != null && next.revenueAvg() != null
                && current.revenueAvg() > 0) {
            v.put(NEXT_YEAR_REVENUE_GROWTH, next.revenueAvg() / current.revenueAvg() - 1);
        } else {
            v.put(NEXT_YEAR_REVENUE_GROWTH, null);
        }
        // beta is a daily field, but only the identity answer carries it on some providers
        if (id != null && id.beta() != null) {
            v.put(BETA, id.beta());
        }
    }

    private static void year(Map<ProfileField, Object> v, CompanyProfile.AnnualEstimate e, ProfileField end,
                             ProfileField epsAvg, ProfileField epsLow, ProfileField epsHigh, ProfileField revenueAvg,
                             ProfileField revenueLow, ProfileField revenueHigh) {
        v.put(end, e == null ? null : e.periodEnd());
        v.put(epsAvg, e == null ? null : e.epsAvg());
        v.put(epsLow, e == null ? null : e.epsLow());
        v.put(epsHigh, e == null ? null : e.epsHigh());
        v.put(revenueAvg, e == null ? null : e.revenueAvg());
        v.put(revenueLow, e == null ? null : e.revenueLow());
        v.put(revenueHigh, e == null ? null : e.revenueHigh());
    }

    private static void daily(CompanyProfile p, Map<ProfileField, Object> v) {
        CompanyProfile.Valuation q = p.valuation();
        Double price = q.price();
        v.put(PRICE, price);
        v.put(MARKET_CAP, q.marketCap());
        v.put(WEEK_52_HIGH, q.week52High());
        v.put(WEEK_52_LOW, q.week52Low());
        if (q.beta() != null) {
            v.put(BETA, q.beta()); // else the stored one: a batch quote carries none
        }
        v.put(PE_RATIO, Valuation.ratio(q.peRatio(), price, (Double) v.get(EPS_TTM)));
        v.put(FORWARD_PE, Valuation.ratio(q.forwardPe(), price, (Double) v.get(FORWARD_EPS)));
        v.put(DIVIDEND_YIELD, Valuation.dividendYield(q.dividendYield(), price, (Double) v.get(DIVIDEND_PER_SHARE)));
    }

    /** Adds the earnings calendar: the newest reported date, the next scheduled one and its consensus. */
    static Profile withEarnings(Profile profile, List<EarningsDate> earnings, LocalDate today) {
        Map<ProfileField, Object> v = new EnumMap<>(ProfileField.class);
        v.putAll(profile.values());
        earnings.stream().map(EarningsDate::date).filter(d -> !d.isAfter(today)).max(LocalDate::compareTo)
                .ifPresent(d -> v.put(LAST_EARNINGS_DATE, d));
        earnings.stream().filter(e -> e.date().isAfter(today)).min(java.util.Comparator.comparing(EarningsDate::date))
                .ifPresent(e -> {
                    v.put(NEXT_EARNINGS_DATE, e.date());
                    v.put(NEXT_EARNINGS_EXPECTED_EPS, e.epsEstimate());
                    v.put(NEXT_EARNINGS_EXPECTED_REVENUE, e.revenueEstimate());
                });
        return new Profile(profile.symbol(), v);
    }
}
