package io.riskstream.factor.adapters.jdbc;

import io.riskstream.factor.application.SymbolMetricsStore;
import io.riskstream.factor.domain.metrics.PeriodReturns;
import io.riskstream.factor.domain.metrics.SymbolMetrics;
import io.riskstream.factor.domain.metrics.Valuation;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

public class JdbcSymbolMetricsStore implements SymbolMetricsStore {

    private static final String COLUMNS = "current_price, return_1d, return_mtd, return_ytd, return_1m, return_3m, "
            + "return_1y, has_profile, name, sector, market_cap, pe_ratio, forward_pe, dividend_yield, has_factors, "
            + "data_quality_score";
    private static final String UPSERT = "insert into symbol_metrics (symbol, metrics_date, " + COLUMNS + ") values "
            + "(:symbol, :date, :currentPrice, :return1d, :returnMtd, :returnYtd, :return1m, :return3m, :return1y, "
            + ":hasProfile, :name, :sector, :marketCap, :peRatio, :forwardPe, :dividendYield, :hasFactors, :score) "
            + "on conflict (symbol, metrics_date) do update set "
            + set(COLUMNS) + ", computed_at = now() "
            + "where (" + qualified("symbol_metrics", COLUMNS) + ") is distinct from ("
            + qualified("excluded", COLUMNS) + ")";

    private static final RowMapper<SymbolMetrics> ROW = (rs, i) -> new SymbolMetrics(rs.getString("symbol"),
            rs.getObject("metrics_date", LocalDate.class), rs.getObject("current_price", Double.class),
            new PeriodReturns(rs.getObject("return_1d", Double.class), rs.getObject("return_mtd", Double.class),
                    rs.getObject("return_ytd", Double.class), rs.getObject("return_1m", Double.class),
                    rs.getObject("return_3m", Double.class), rs.getObject("return_1y", Double.class)),
            rs.getBoolean("has_profile")
                    ? new Valuation(rs.getString("name"), rs.getString("sector"),
                    rs.getObject("market_cap", Double.class), rs.getObject("pe_ratio", Double.class),
                    rs.getObject("forward_pe", Double.class), rs.getObject("dividend_yield", Double.class))
                    : null,
            rs.getBoolean("has_factors"));

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcSymbolMetricsStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void upsert(List<SymbolMetrics> metrics) {
        jdbc.batchUpdate(UPSERT, metrics.stream().map(JdbcSymbolMetricsStore::parameters)
                .toArray(SqlParameterSource[]::new));
    }

    @Override
    public Optional<SymbolMetrics> find(String symbol, LocalDate date) {
        return jdbc.query("select * from symbol_metrics where symbol = :symbol and metrics_date = :date",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("date", date), ROW).stream().findFirst();
    }

    @Override
    public Optional<SymbolMetrics> latest(String symbol) {
        return jdbc.query("select * from symbol_metrics where symbol = :symbol order by metrics_date desc limit 1",
                new MapSqlParameterSource("symbol", symbol), ROW).stream().findFirst();
    }

    @Override
    public List<SymbolMetrics> all(String symbol) {
        return jdbc.query("select * from symbol_metrics where symbol = :symbol order by metrics_date",
                new MapSqlParameterSource("symbol", symbol), ROW);
    }

    @Override
    public List<SymbolMetrics> onDate(LocalDate date, SortField sort, boolean descending, int limit) {
        // the column comes from the closed enum below, never from the request
        String order = column(sort) + (descending ? " desc" : " asc") + " nulls last, symbol";
        return jdbc.query("select * from symbol_metrics where metrics_date = :date order by " + order + " limit :limit",
                new MapSqlParameterSource().addValue("date", date).addValue("limit", limit), ROW);
    }

    @Override
    public Optional<LocalDate> latestDate() {
        return Optional.ofNullable(jdbc.queryForObject("select max(metrics_date) from symbol_metrics",
                new MapSqlParameterSource(), LocalDate.class));
    }

    private static String column(SortField sort) {
        return switch (sort) {
            case SYMBOL -> "symbol";
            case CURRENT_PRICE -> "current_price";
            case RETURN_1D -> "return_1d";
            case RETURN_MTD -> "return_mtd";
            case RETURN_YTD -> "return_ytd";
            case RETURN_1M -> "return_1m";
            case RETURN_3M -> "return_3m";
            case RETURN_1Y -> "return_1y";
            case MARKET_CAP -> "market_cap";
            case PE_RATIO -> "pe_ratio";
            case FORWARD_PE -> "forward_pe";
            case DIVIDEND_YIELD -> "dividend_yield";
            case DATA_QUALITY_SCORE -> "data_quality_score";
        };
    }

    private static SqlParameterSource parameters(SymbolMetrics m) {
        PeriodReturns r = m.returns();
        Valuation v = m.valuation();
        return new MapSqlParameterSource().addValue("symbol", m.symbol()).addValue("date", m.metricsDate())
                .addValue("currentPrice", m.currentPrice()).addValue("return1d", r.oneDay())
                .addValue("returnMtd", r.monthToDate()).addValue("returnYtd", r.yearToDate())
                .addValue("return1m", r.oneMonth()).addValue("return3m", r.threeMonths())
                .addValue("return1y", r.oneYear()).addValue("hasProfile", v != null)
                .addValue("name", v == null ? null : v.name()).addValue("sector", v == null ? null : v.sector())
                .addValue("marketCap", v == null ? null : v.marketCap())
                .addValue("peRatio", v == null ? null : v.peRatio())
                .addValue("forwardPe", v == null ? null : v.forwardPe())
                .addValue("dividendYield", v == null ? null : v.dividendYield())
                .addValue("hasFactors", m.hasFactors()).addValue("score", m.dataQualityScore());
    }

    private static String set(String columns) {
        return String.join(", ", Arrays.stream(columns.split(", ")).map(c -> c + " = excluded." + c).toList());
    }

    private static String qualified(String table, String columns) {
        return String.join(", ", Arrays.stream(columns.split(", ")).map(c -> table + "." + c).toList());
    }
}
