package io.riskstream.profile.domain;

import io.riskstream.profile.domain.RefreshTiers.Tier;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every stored profile field with its column, its refresh tier and its value type. A tier refresh writes exactly the
 * fields of that tier; funds and ETFs leave the company-only fields empty.
 */
public enum ProfileField {
    // static: identity
    NAME("name", Tier.STATIC, Type.TEXT, true),
    SECTOR("sector", Tier.STATIC, Type.TEXT, true),
    INDUSTRY("industry", Tier.STATIC, Type.TEXT, true),
    EXCHANGE("exchange", Tier.STATIC, Type.TEXT, true),
    COUNTRY("country", Tier.STATIC, Type.TEXT, true),
    CURRENCY("currency", Tier.STATIC, Type.TEXT, true),
    CEO("ceo", Tier.STATIC, Type.TEXT, false),
    EMPLOYEES("employees", Tier.STATIC, Type.INTEGER, false),
    WEBSITE("website", Tier.STATIC, Type.TEXT, true),
    IS_ETF("is_etf", Tier.STATIC, Type.BOOLEAN, true),
    IS_FUND("is_fund", Tier.STATIC, Type.BOOLEAN, true),
    DESCRIPTION("description", Tier.STATIC, Type.TEXT, true),
    // daily: valuation
    MARKET_CAP("market_cap", Tier.DAILY, Type.MONEY, true),
    PE_RATIO("pe_ratio", Tier.DAILY, Type.DECIMAL, true),
    FORWARD_PE("forward_pe", Tier.DAILY, Type.DECIMAL, true),
    DIVIDEND_YIELD("dividend_yield", Tier.DAILY, Type.DECIMAL, true),
    BETA("beta", Tier.DAILY, Type.DECIMAL, true),
    WEEK_52_HIGH("week_52_high", Tier.DAILY, Type.DECIMAL, true),
    WEEK_52_LOW("week_52_low", Tier.DAILY, Type.DECIMAL, true),
    /** The session's price the daily ratios were computed from. */
    PRICE("price", Tier.DAILY, Type.DECIMAL, true),
    // quarterly: per-share figures the daily ratios divide the price by, growth and margins (TTM)
    EPS_TTM("eps_ttm", Tier.QUARTERLY, Type.DECIMAL, false),
    DIVIDEND_PER_SHARE("dividend_per_share", Tier.QUARTERLY, Type.DECIMAL, true),
    FORWARD_EPS("forward_eps", Tier.QUARTERLY, Type.DECIMAL, false),
    EARNINGS_GROWTH("earnings_growth", Tier.QUARTERLY, Type.DECIMAL, false),
    REVENUE_GROWTH("revenue_growth", Tier.QUARTERLY, Type.DECIMAL, false),
    EARNINGS_QUARTERLY_GROWTH("earnings_quarterly_growth", Tier.QUARTERLY, Type.DECIMAL, false),
    PROFIT_MARGIN("profit_margin", Tier.QUARTERLY, Type.DECIMAL, false),
    OPERATING_MARGIN("operating_margin", Tier.QUARTERLY, Type.DECIMAL, false),
    GROSS_MARGIN("gross_margin", Tier.QUARTERLY, Type.DECIMAL, false),
    RETURN_ON_ASSETS("return_on_assets", Tier.QUARTERLY, Type.DECIMAL, false),
    RETURN_ON_EQUITY("return_on_equity", Tier.QUARTERLY, Type.DECIMAL, false),
    TOTAL_REVENUE("total_revenue", Tier.QUARTERLY, Type.MONEY, false),
    // quarterly: analysts
    TARGET_MEAN_PRICE("target_mean_price", Tier.QUARTERLY, Type.DECIMAL, false),
    TARGET_HIGH_PRICE("target_high_price", Tier.QUARTERLY, Type.DECIMAL, false),
    TARGET_LOW_PRICE("target_low_price", Tier.QUARTERLY, Type.DECIMAL, false),
    NUMBER_OF_ANALYST_OPINIONS("number_of_analyst_opinions", Tier.QUARTERLY, Type.INTEGER, false),
    RECOMMENDATION_MEAN("recommendation_mean", Tier.QUARTERLY, Type.DECIMAL, false),
    RECOMMENDATION_KEY("recommendation", Tier.QUARTERLY, Type.TEXT, false),
    // quarterly: annual estimates (current and next fiscal year)
    CURRENT_YEAR_REVENUE_AVG("current_year_revenue_avg", Tier.QUARTERLY, Type.MONEY, false),
    CURRENT_YEAR_REVENUE_LOW("current_year_revenue_low", Tier.QUARTERLY, Type.MONEY, false),
    CURRENT_YEAR_REVENUE_HIGH("current_year_revenue_high", Tier.QUARTERLY, Type.MONEY, false),
    CURRENT_YEAR_REVENUE_GROWTH("current_year_revenue_growth", Tier.QUARTERLY, Type.DECIMAL, false),
    CURRENT_YEAR_EARNINGS_AVG("current_year_earnings_avg", Tier.QUARTERLY, Type.DECIMAL, false),
    CURRENT_YEAR_EARNINGS_LOW("current_year_earnings_low", Tier.QUARTERLY, Type.DECIMAL, false),
    CURRENT_YEAR_EARNINGS_HIGH("current_year_earnings_high", Tier.QUARTERLY, Type.DECIMAL, false),
    CURRENT_YEAR_END_DATE("current_year_end_date", Tier.QUARTERLY, Type.DATE, false),
    NEXT_YEAR_REVENUE_AVG("next_year_revenue_avg", Tier.QUARTERLY, Type.MONEY, false),
    NEXT_YEAR_REVENUE_LOW("next_year_revenue_low", Tier.QUARTERLY, Type.MONEY, false),
    NEXT_YEAR_REVENUE_HIGH("next_year_revenue_high", Tier.QUARTERLY, Type.MONEY, false),
    NEXT_YEAR_REVENUE_GROWTH("next_year_revenue_growth", Tier.QUARTERLY, Type.DECIMAL, false),
    NEXT_YEAR_EARNINGS_AVG("next_year_earnings_avg", Tier.QUARTERLY, Type.DECIMAL, false),
    NEXT_YEAR_EARNINGS_LOW("next_year_earnings_low", Tier.QUARTERLY, Type.DECIMAL, false),
    NEXT_YEAR_EARNINGS_HIGH("next_year_earnings_high", Tier.QUARTERLY, Type.DECIMAL, false),
    NEXT_YEAR_END_DATE("next_year_end_date", Tier.QUARTERLY, Type.DATE, false),
    // quarterly: quarterly estimates (current and next fiscal quarter)
    CURRENT_QUARTER_TARGET_PERIOD_DATE("current_quarter_target_period_date", Tier.QUARTERLY, Type.DATE, false),
    CURRENT_QUARTER_REVENUE_AVG("current_quarter_revenue_avg", Tier.QUARTERLY, Type.MONEY, false),
    CURRENT_QUARTER_REVENUE_LOW("current_quarter_revenue_low", Tier.QUARTERLY, Type.MONEY, false),
    CURRENT_QUARTER_REVENUE_HIGH("current_quarter_revenue_high", Tier.QUARTERLY, Type.MONEY, false),
    CURRENT_QUARTER_EPS_AVG("current_quarter_eps_avg", Tier.QUARTERLY, Type.DECIMAL, false),
    CURRENT_QUARTER_EPS_LOW("current_quarter_eps_low", Tier.QUARTERLY, Type.DECIMAL, false),
    CURRENT_QUARTER_EPS_HIGH("current_quarter_eps_high", Tier.QUARTERLY, Type.DECIMAL, false),
    CURRENT_QUARTER_ANALYST_COUNT("current_quarter_analyst_count", Tier.QUARTERLY, Type.INTEGER, false),
    NEXT_QUARTER_TARGET_PERIOD_DATE("next_quarter_target_period_date", Tier.QUARTERLY, Type.DATE, false),
    NEXT_QUARTER_REVENUE_AVG("next_quarter_revenue_avg", Tier.QUARTERLY, Type.MONEY, false),
    NEXT_QUARTER_REVENUE_LOW("next_quarter_revenue_low", Tier.QUARTERLY, Type.MONEY, false),
    NEXT_QUARTER_REVENUE_HIGH("next_quarter_revenue_high", Tier.QUARTERLY, Type.MONEY, false),
    NEXT_QUARTER_EPS_AVG("next_quarter_eps_avg", Tier.QUARTERLY, Type.DECIMAL, false),
    NEXT_QUARTER_EPS_LOW("next_quarter_eps_low", Tier.QUARTERLY, Type.DECIMAL, false),
    NEXT_QUARTER_EPS_HIGH("next_quarter_eps_high", Tier.QUARTERLY, Type.DECIMAL, false),
    NEXT_QUARTER_ANALYST_COUNT("next_quarter_analyst_count", Tier.QUARTERLY, Type.INTEGER, false),
    // quarterly: earnings calendar
    FISCAL_YEAR_END("fiscal_year_end", Tier.QUARTERLY, Type.TEXT, false),
    LAST_EARNINGS_DATE("last_earnings_date", Tier.QUARTERLY, Type.DATE, false),
    NEXT_EARNINGS_DATE("next_earnings_date", Tier.QUARTERLY, Type.DATE, false),
    NEXT_EARNINGS_EXPECTED_EPS("next_earnings_expected_eps", Tier.QUARTERLY, Type.DECIMAL, false),
    NEXT_EARNINGS_EXPECTED_REVENUE("next_earnings_expected_revenue", Tier.QUARTERLY, Type.MONEY, false);

    /** Value types: TEXT → String, DECIMAL and MONEY → Double, INTEGER → Integer, BOOLEAN → Boolean, DATE → LocalDate. */
    public enum Type { TEXT, DECIMAL, MONEY, INTEGER, BOOLEAN, DATE }

    private final String column;
    private final Tier tier;
    private final Type type;
    private final boolean appliesToFunds;
    private final String wireName;

    ProfileField(String column, Tier tier, Type type, boolean appliesToFunds) {
        this.column = column;
        this.tier = tier;
        this.type = type;
        this.appliesToFunds = appliesToFunds;
        this.wireName = wireName(column);
    }

    public String column() {
        return column;
    }

    public Tier tier() {
        return tier;
    }

    public Type type() {
        return type;
    }

    /** False for company-only fields (earnings, margins, analysts, CEO): an ETF or fund never has them. */
    public boolean appliesToFunds() {
        return appliesToFunds;
    }

    /** The field's name in events and the API: camelCase of the column ("week52High"), "etf"/"fund" for the flags. */
    public String wireName() {
        return wireName;
    }

    public static List<ProfileField> of(Set<Tier> tiers) {
        return Arrays.stream(values()).filter(f -> tiers.contains(f.tier)).toList();
    }

    public static Set<Tier> allTiers() {
        return EnumSet.allOf(Tier.class);
    }

    private static String wireName(String column) {
        String[] parts = column.replaceFirst("^is_", "").split("_");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(parts[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(parts[i].substring(1));
        }
        return out.toString();
    }
}
