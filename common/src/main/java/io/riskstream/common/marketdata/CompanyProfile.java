package io.riskstream.common.marketdata;

/**
 * A company profile as a provider returns it. Fields a provider lacks are null. ETFs and funds carry the fields
 * that apply to them (no sector/industry for most of them).
 */
public record CompanyProfile(
        String symbol, String name, String sector, String industry, String exchange, String country,
        String currency, boolean etf, boolean fund,
        Double beta, Double marketCap, Double peRatio, Double forwardPe, Double dividendYield,
        Double week52High, Double week52Low, Double forwardEps, Double revenueGrowth, Double earningsGrowth,
        Double profitMargin, Double operatingMargin, Double returnOnAssets, Double returnOnEquity,
        Double totalRevenue, Double targetMeanPrice, String recommendation, Integer employees, String website,
        String ceo, String description) {
}
