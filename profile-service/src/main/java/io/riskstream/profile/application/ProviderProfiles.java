package io.riskstream.profile.application;

import io.riskstream.common.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.EarningsDate;
import io.riskstream.profile.domain.Profile;
import io.riskstream.profile.domain.ProfileField;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.riskstream.profile.domain.ProfileField.*;

/**
 * Translates a provider's answer into a {@link Profile}. Fields the provider does not supply (today: analyst
 * ranges, the estimate blocks, the fiscal calendar) stay null until a provider that has them is wired in.
 */
final class ProviderProfiles {

    private ProviderProfiles() {
    }

    static Profile of(CompanyProfile p) {
        Map<ProfileField, Object> v = new EnumMap<>(ProfileField.class);
        v.put(NAME, p.name());
        v.put(SECTOR, p.sector());
        v.put(INDUSTRY, p.industry());
        v.put(EXCHANGE, p.exchange());
        v.put(COUNTRY, p.country());
        v.put(CURRENCY, p.currency());
        v.put(CEO, p.ceo());
        v.put(EMPLOYEES, p.employees());
        v.put(WEBSITE, p.website());
        v.put(IS_ETF, p.etf());
        v.put(IS_FUND, p.fund());
        v.put(DESCRIPTION, p.description());
        v.put(MARKET_CAP, p.marketCap());
        v.put(PE_RATIO, p.peRatio());
        v.put(FORWARD_PE, p.forwardPe());
        v.put(DIVIDEND_YIELD, p.dividendYield());
        v.put(BETA, p.beta());
        v.put(WEEK_52_HIGH, p.week52High());
        v.put(WEEK_52_LOW, p.week52Low());
        v.put(FORWARD_EPS, p.forwardEps());
        v.put(REVENUE_GROWTH, p.revenueGrowth());
        v.put(EARNINGS_GROWTH, p.earningsGrowth());
        v.put(PROFIT_MARGIN, p.profitMargin());
        v.put(OPERATING_MARGIN, p.operatingMargin());
        v.put(RETURN_ON_ASSETS, p.returnOnAssets());
        v.put(RETURN_ON_EQUITY, p.returnOnEquity());
        v.put(TOTAL_REVENUE, p.totalRevenue());
        v.put(TARGET_MEAN_PRICE, p.targetMeanPrice());
        v.put(RECOMMENDATION_KEY, p.recommendation());
        return new Profile(p.symbol(), v).applicable();
    }

    /** Adds the earnings calendar: the newest reported date and the next scheduled one. */
    static Profile withEarnings(Profile profile, List<EarningsDate> earnings, LocalDate today) {
        Map<ProfileField, Object> v = new EnumMap<>(ProfileField.class);
        v.putAll(profile.values());
        earnings.stream().map(EarningsDate::date).filter(d -> !d.isAfter(today)).max(LocalDate::compareTo)
                .ifPresent(d -> v.put(LAST_EARNINGS_DATE, d));
        earnings.stream().map(EarningsDate::date).filter(d -> d.isAfter(today)).min(LocalDate::compareTo)
                .ifPresent(d -> v.put(NEXT_EARNINGS_DATE, d));
        return new Profile(profile.symbol(), v);
    }
}
