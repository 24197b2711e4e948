package io.riskstream.profile.adapters.jdbc;

import io.riskstream.common.marketdata.CompanyProfile;
import io.riskstream.profile.application.ProfileStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

public class JdbcProfileStore implements ProfileStore {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcProfileStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CompanyProfile> find(String symbol) {
        return jdbc.query("select * from company_profile where symbol = :symbol",
                new MapSqlParameterSource("symbol", symbol), (rs, i) -> map(rs)).stream().findFirst();
    }

    @Override
    public void saveAll(CompanyProfile p, String provider, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("symbol", p.symbol()).addValue("name", p.name()).addValue("sector", p.sector())
                .addValue("industry", p.industry()).addValue("exchange", p.exchange()).addValue("country", p.country())
                .addValue("currency", p.currency()).addValue("etf", p.etf()).addValue("fund", p.fund())
                .addValue("beta", p.beta()).addValue("marketCap", decimal(p.marketCap()))
                .addValue("peRatio", p.peRatio()).addValue("forwardPe", p.forwardPe())
                .addValue("dividendYield", p.dividendYield()).addValue("high52", p.week52High())
                .addValue("low52", p.week52Low()).addValue("forwardEps", p.forwardEps())
                .addValue("revenueGrowth", p.revenueGrowth()).addValue("earningsGrowth", p.earningsGrowth())
                .addValue("profitMargin", p.profitMargin()).addValue("operatingMargin", p.operatingMargin())
                .addValue("roa", p.returnOnAssets()).addValue("roe", p.returnOnEquity())
                .addValue("totalRevenue", decimal(p.totalRevenue())).addValue("target", p.targetMeanPrice())
                .addValue("recommendation", p.recommendation()).addValue("employees", p.employees())
                .addValue("website", p.website()).addValue("ceo", p.ceo()).addValue("description", p.description())
                .addValue("provider", provider).addValue("now", Timestamp.from(now));
        jdbc.update("""
                insert into company_profile (symbol, name, sector, industry, exchange, country, currency, is_etf, is_fund,
                  beta, market_cap, pe_ratio, forward_pe, dividend_yield, week_52_high, week_52_low, forward_eps,
                  revenue_growth, earnings_growth, profit_margin, operating_margin, return_on_assets, return_on_equity,
                  total_revenue, target_mean_price, recommendation, employees, website, ceo, description, provider,
                  daily_refreshed_at, quarterly_refreshed_at, static_refreshed_at)
                values (:symbol, :name, :sector, :industry, :exchange, :country, :currency, :etf, :fund, :beta,
                  :marketCap, :peRatio, :forwardPe, :dividendYield, :high52, :low52, :forwardEps, :revenueGrowth,
                  :earningsGrowth, :profitMargin, :operatingMargin, :roa, :roe, :totalRevenue, :target,
                  :recommendation, :employees, :website, :ceo, :description, :provider, :now, :now, :now)
                on conflict (symbol) do update set name = excluded.name, sector = excluded.sector,
                  industry = excluded.industry, exchange = excluded.exchange, country = excluded.country,
                  currency = excluded.currency, is_etf = excluded.is_etf, is_fund = excluded.is_fund,
                  beta = excluded.beta, market_cap = excluded.market_cap, pe_ratio = excluded.pe_ratio,
                  forward_pe = excluded.forward_pe, dividend_yield = excluded.dividend_yield,
                  week_52_high = excluded.week_52_high, week_52_low = excluded.week_52_low,
                  forward_eps = excluded.forward_eps, revenue_growth = excluded.revenue_growth,
                  earnings_growth = excluded.earnings_growth, profit_margin = excluded.profit_margin,
                  operating_margin = excluded.operating_margin, return_on_assets = excluded.return_on_assets,
                  return_on_equity = excluded.return_on_equity, total_revenue = excluded.total_revenue,
                  target_mean_price = excluded.target_mean_price, recommendation = excluded.recommendation,
                  employees = excluded.employees, website = excluded.website, ceo = excluded.ceo,
                  description = excluded.description, provider = excluded.provider,
                  daily_refreshed_at = excluded.daily_refreshed_at,
                  quarterly_refreshed_at = excluded.quarterly_refreshed_at,
                  static_refreshed_at = excluded.static_refreshed_at""", params);
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static CompanyProfile map(ResultSet rs) throws SQLException {
        return new CompanyProfile(rs.getString("symbol"), rs.getString("name"), rs.getString("sector"),
                rs.getString("industry"), rs.getString("exchange"), rs.getString("country"), rs.getString("currency"),
                rs.getBoolean("is_etf"), rs.getBoolean("is_fund"), dbl(rs, "beta"), dbl(rs, "market_cap"),
                dbl(rs, "pe_ratio"), dbl(rs, "forward_pe"), dbl(rs, "dividend_yield"), dbl(rs, "week_52_high"),
                dbl(rs, "week_52_low"), dbl(rs, "forward_eps"), dbl(rs, "revenue_growth"), dbl(rs, "earnings_growth"),
                dbl(rs, "profit_margin"), dbl(rs, "operating_margin"), dbl(rs, "return_on_assets"),
                dbl(rs, "return_on_equity"), dbl(rs, "total_revenue"), dbl(rs, "target_mean_price"),
                rs.getString("recommendation"), (Integer) rs.getObject("employees"), rs.getString("website"),
                rs.getString("ceo"), rs.getString("description"));
    }
}
