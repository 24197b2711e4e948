package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import io.riskstream.common.calendar.NyseCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deterministic company fundamentals of simulated symbols. Everything derives from per-symbol ratios drawn from the
 * symbol's key and from a revenue level anchored to the simulated market cap at {@link #ANCHOR}, so statements,
 * profiles and quotes agree with each other. Quarters are calendar quarters; a quarter's statements exist once its
 * earnings date (25–40 days after the quarter end, moved to a session) has been reached; annual statements are the
 * sums of the four quarters (balance sheet: the fourth quarter's).
 */
final class SimulatedFundamentals {

    static final LocalDate ANCHOR = LocalDate.of(2024, 12, 31);
    private static final String SIMULATED = "simulated";
    private static final int FIRST_QUARTER = 2000 * 4;
    private static final int PAST_EARNINGS = 20;

    static final String[] SECTORS = {"Energy", "Materials", "Industrials", "Consumer Discretionary",
            "Consumer Staples", "Health Care", "Financials", "Information Technology", "Communication Services",
            "Utilities", "Real Estate"};
    private static final String[][] INDUSTRIES = {
            {"Oil & Gas Integrated", "Oil & Gas E&P", "Oil & Gas Equipment & Services"},
            {"Specialty Chemicals", "Gold", "Steel"},
            {"Aerospace & Defense", "Railroads", "Specialty Industrial Machinery"},
            {"Internet Retail", "Auto Manufacturers", "Restaurants"},
            {"Beverages - Non-Alcoholic", "Household & Personal Products", "Grocery Stores"},
            {"Drug Manufacturers - General", "Medical Devices", "Biotechnology"},
            {"Banks - Diversified", "Insurance - Property & Casualty", "Asset Management"},
            {"Software - Infrastructure", "Semiconductors", "Consumer Electronics"},
            {"Internet Content & Information", "Telecom Services", "Entertainment"},
            {"Utilities - Regulated Electric", "Utilities - Diversified"},
            {"REIT - Residential", "REIT - Industrial", "Real Estate Services"}};
    private static final String[] RECOMMENDATIONS = {"strong_buy", "buy", "buy", "hold", "hold", "underperform", "sell"};
    private static final double[] SEASONAL = {-0.04, -0.01, 0.0, 0.05};

    private final LatentFactors factors;
    private final SimulatedPrices prices;
    private final NyseCalendar calendar = NyseCalendar.instance();

    SimulatedFundamentals(LatentFactors factors, SimulatedPrices prices) {
        this.factors = factors;
        this.prices = prices;
    }

    /** Per-symbol constants. */
    record Company(String symbol, long key, double shares, double annualRevenueAtAnchor, double growth,
                   double grossMargin, double rdRatio, double sgaRatio, double daRatio, double interestRatio,
                   double assetsToRevenue, double leverage, double capexRatio, double dividendYield, int sector,
                   int industry, String exchange, double revenuePerEmployee, String recommendation, double upside) {
    }

    Company company(SymbolLoadings s) {
        long k = SimRandom.key(factors.seed, SimRandom.symbolKey(s.symbol()) ^ 0xF00DL);
        double shares = StrictMath.pow(10, SimRandom.uniform(SimRandom.key(k, 1), 7.7, 10.0));
        int anchor = factors.indexOnOrBefore(ANCHOR);
        double capAtAnchor = shares * StrictMath.exp(prices.logCloses(s, anchor, anchor)[0]);
        double priceToSales = SimRandom.uniform(SimRandom.key(k, 2), 0.8, 8.0);
        int sector = (int) (SimRandom.uniform(SimRandom.key(k, 3)) * SECTORS.length);
        int industry = (int) (SimRandom.uniform(SimRandom.key(k, 4)) * INDUSTRIES[sector].length);
        double pays = SimRandom.uniform(SimRandom.key(k, 14));
        return new Company(s.symbol(), k, shares, capAtAnchor / priceToSales,
                SimRandom.uniform(SimRandom.key(k, 5), -0.02, 0.18),
                SimRandom.uniform(SimRandom.key(k, 6), 0.25, 0.70),
                SimRandom.uniform(SimRandom.key(k, 7), 0.0, 0.15),
                SimRandom.uniform(SimRandom.key(k, 8), 0.05, 0.20),
                SimRandom.uniform(SimRandom.key(k, 9), 0.02, 0.06),
                SimRandom.uniform(SimRandom.key(k, 10), 0.002, 0.03),
                SimRandom.uniform(SimRandom.key(k, 11), 0.6, 2.5),
                SimRandom.uniform(SimRandom.key(k, 12), 0.3, 0.75),
                SimRandom.uniform(SimRandom.key(k, 13), 0.02, 0.10),
                pays < 0.4 ? 0.0 : SimRandom.uniform(SimRandom.key(k, 15), 0.005, 0.04),
                sector, industry,
                SimRandom.uniform(SimRandom.key(k, 16)) < 0.55 ? "NASDAQ" : "NYSE",
                SimRandom.uniform(SimRandom.key(k, 17), 200_000, 1_000_000),
                RECOMMENDATIONS[(int) (SimRandom.uniform(SimRandom.key(k, 18)) * RECOMMENDATIONS.length)],
                SimRandom.uniform(SimRandom.key(k, 19), -0.05, 0.25));
    }

    // ---- quarters: q = year * 4 + (quarter − 1)

    static LocalDate quarterEnd(int q) {
        return LocalDate.of(q / 4, (q % 4) * 3 + 3, 1).plusMonths(1).minusDays(1);
    }

    static int quarterOf(LocalDate d) {
        return d.getYear() * 4 + d.get(IsoFields.QUARTER_OF_YEAR) - 1;
    }

    LocalDate reportDate(Company c, int q) {
        int lag = 25 + (int) (SimRandom.uniform(SimRandom.key(c.key, 100, q)) * 16);
        LocalDate d = quarterEnd(q).plusDays(lag);
        return calendar.isTradingDay(d) ? d : calendar.nextTradingDay(d);
    }

    /** The newest quarter reported on or before {@code today}, or a quarter before 2000 when none. */
    int latestReportedQuarter(Company c, LocalDate today) {
        int q = quarterOf(today);
        while (q >= FIRST_QUARTER && reportDate(c, q).isAfter(today)) {
            q--;
        }
        return q;
    }

    /** Quarterly line items in dollars (shares in units), all three statements in one map. */
    Map<String, Double> quarter(Company c, int q) {
        double years = (q - quarterOf(ANCHOR)) / 4.0;
        double noise = 0.03 * SimRandom.gaussian(SimRandom.key(c.key, 200, q));
        double rev = c.annualRevenueAtAnchor / 4 * StrictMath.pow(1 + c.growth, years) * (1 + SEASONAL[q % 4] + noise);
        double gm = c.grossMargin + 0.02 * SimRandom.gaussian(SimRandom.key(c.key, 201, q));
        Map<String, Double> m = new LinkedHashMap<>();
        double cogs = rev * (1 - gm);
        double rd = rev * c.rdRatio;
        double sga = rev * c.sgaRatio;
        double da = rev * c.daRatio;
        double opInc = rev - cogs - rd - sga - da;
        double interest = rev * c.interestRatio;
        double ebt = opInc - interest;
        double tax = Math.max(0, ebt * 0.21);
        double ni = ebt - tax;
        m.put("totalRevenue", rev);
        m.put("costOfRevenue", cogs);
        m.put("grossProfit", rev - cogs);
        m.put("researchAndDevelopment", rd);
        m.put("sellingGeneralAndAdministrative", sga);
        m.put("depreciationAndAmortization", da);
        m.put("operatingExpenses", rd + sga + da);
        m.put("operatingIncome", opInc);
        m.put("interestExpense", interest);
        m.put("incomeBeforeTax", ebt);
        m.put("incomeTaxExpense", tax);
        m.put("netIncome", ni);
        m.put("ebitda", opInc + da);

        double ta = rev * 4 * c.assetsToRevenue;
        double tl = ta * c.leverage;
        double equity = ta - tl;
        m.put("totalAssets", ta);
        m.put("totalCurrentAssets", 0.38 * ta);
        m.put("cashAndCashEquivalentsAtCarryingValue", 0.12 * ta);
        m.put("currentNetReceivables", 0.10 * ta);
        m.put("inventory", 0.08 * ta);
        m.put("propertyPlantEquipment", 0.30 * ta);
        m.put("goodwill", 0.15 * ta);
        m.put("totalLiabilities", tl);
        m.put("totalCurrentLiabilities", 0.35 * tl);
        m.put("longTermDebt", 0.45 * tl);
        m.put("totalShareholderEquity", equity);
        m.put("retainedEarnings", 0.6 * equity);
        m.put("commonStockSharesOutstanding", c.shares);

        double dRec = -0.02 * rev * SimRandom.gaussian(SimRandom.key(c.key, 202, q));
        double dInv = -0.015 * rev * SimRandom.gaussian(SimRandom.key(c.key, 203, q));
        double ocf = ni + da + dRec + dInv;
        double capex = rev * c.capexRatio;
        double cfi = -capex * 1.2;
        double dividends = c.dividendYield * c.annualRevenueAtAnchor * 2 / 4;
        double buyback = Math.max(0, 0.3 * ni);
        double issuance = 0.02 * rev * SimRandom.gaussian(SimRandom.key(c.key, 204, q));
        double cff = -dividends - buyback + issuance;
        m.put("operatingCashflow", ocf);
        m.put("netIncomeCF", ni);
        m.put("depreciationDepletionAndAmortization", da);
        m.put("changeInReceivables", dRec);
        m.put("changeInInventory", dInv);
        m.put("capitalExpenditures", capex);
        m.put("cashflowFromInvestment", cfi);
        m.put("dividendPayout", dividends);
        m.put("paymentsForRepurchaseOfCommonStock", buyback);
        m.put("proceedsFromIssuanceOfLongTermDebtAndCapitalSecuritiesNet", issuance);
        m.put("cashflowFromFinancing", cff);
        m.put("changeInCashAndCashEquivalents", ocf + cfi + cff);
        return m;
    }

    private static final List<String> INCOME = List.of("totalRevenue", "costOfRevenue", "grossProfit",
            "researchAndDevelopment", "sellingGeneralAndAdministrative", "depreciationAndAmortization",
            "operatingExpenses", "operatingIncome", "interestExpense", "incomeBeforeTax", "incomeTaxExpense",
            "netIncome", "ebitda");
    private static final List<String> BALANCE = List.of("totalAssets", "totalCurrentAssets",
            "cashAndCashEquivalentsAtCarryingValue", "currentNetReceivables", "inventory", "propertyPlantEquipment",
            "goodwill", "totalLiabilities", "totalCurrentLiabilities", "longTermDebt", "totalShareholderEquity",
            "retainedEarnings", "commonStockSharesOutstanding");
    private static final List<String> CASH_FLOW = List.of("operatingCashflow", "netIncomeCF",
            "depreciationDepletionAndAmortization", "changeInReceivables", "changeInInventory", "capitalExpenditures",
            "cashflowFromInvestment", "dividendPayout", "paymentsForRepurchaseOfCommonStock",
            "proceedsFromIssuanceOfLongTermDebtAndCapitalSecuritiesNet", "cashflowFromFinancing",
            "changeInCashAndCashEquivalents");

    List<FinancialStatement> statements(SymbolLoadings s, StatementKind kind, Frequency frequency, int limit,
                                        LocalDate today) {
        Company c = company(s);
        List<FinancialStatement> out = new ArrayList<>();
        int q = latestReportedQuarter(c, today);
        if (frequency == Frequency.ANNUAL) {
            q -= (q % 4 + 1) % 4; // back to the newest reported fourth quarter
        }
        int step = frequency == Frequency.ANNUAL ? 4 : 1;
        for (; q >= FIRST_QUARTER + step - 1 && out.size() < limit; q -= step) {
            Map<String, Double> values = frequency == Frequency.ANNUAL ? year(c, q, kind) : quarter(c, q);
            out.add(new FinancialStatement(s.symbol(), kind, frequency, quarterEnd(q), "USD", items(values, kind),
                    SIMULATED));
        }
        return out;
    }

    private Map<String, Double> year(Company c, int q4, StatementKind kind) {
        if (kind == StatementKind.BALANCE_SHEET) {
            return quarter(c, q4);
        }
        Map<String, Double> sum = new LinkedHashMap<>();
        for (int q = q4 - 3; q <= q4; q++) {
            quarter(c, q).forEach((k, v) -> sum.merge(k, v, Double::sum));
        }
        return sum;
    }

    private static Map<String, BigDecimal> items(Map<String, Double> values, StatementKind kind) {
        List<String> names = switch (kind) {
            case INCOME -> INCOME;
            case BALANCE_SHEET -> BALANCE;
            case CASH_FLOW -> CASH_FLOW;
        };
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String n : names) {
            long v = Math.round(values.get(n));
            String name = n.equals("netIncomeCF") ? "netIncome" : n;
            // Amounts in whole thousands like filings; share counts exact.
            out.put(name, BigDecimal.valueOf(name.equals("commonStockSharesOutstanding") ? v : Math.round(v / 1000.0) * 1000));
        }
        return Collections.unmodifiableMap(out);
    }

    List<EarningsDate> earnings(SymbolLoadings s, LocalDate today) {
        Company c = company(s);
        int latest = latestReportedQuarter(c, today);
        List<EarningsDate> out = new ArrayList<>();
        for (int q = Math.max(FIRST_QUARTER, latest - PAST_EARNINGS + 1); q <= latest + 1; q++) {
            LocalDate d = reportDate(c, q);
            out.add(new EarningsDate(s.symbol(), d, !d.isAfter(today)));
        }
        return out;
    }

    /** Trailing-twelve-month sum of a quarterly item over the four newest reported quarters. */
    double ttm(Company c, String item, LocalDate today) {
        int q = latestReportedQuarter(c, today);
        double sum = 0;
        for (int i = q - 3; i <= q; i++) {
            sum += quarter(c, i).get(item);
        }
        return sum;
    }

    Double peRatio(Company c, double price, LocalDate today) {
        double eps = ttm(c, "netIncome", today) / c.shares;
        return eps > 0 ? round(price / eps, 2) : null;
    }

    CompanyProfile profile(SymbolLoadings s, DailyBar last, double high52, double low52, LocalDate today) {
        double price = last.adjClose();
        Double beta = round(s.marketBeta(), 2);
        if (s.etf()) {
            FactorEtf e = FactorEtf.of(s.symbol());
            return new CompanyProfile(s.symbol(),
                    new CompanyProfile.Identity(e.fullName, null, null, e.exchange, "US", "USD", true, false, null,
                            null, null, "Simulated factor ETF " + e.fullName + ".", beta, null),
                    new CompanyProfile.Valuation(price, null, high52, low52, null, null, null, beta),
                    null, null, List.of(), SIMULATED);
        }
        Company c = company(s);
        int q = latestReportedQuarter(c, today);
        Map<String, Double> latest = quarter(c, q);
        Map<String, Double> yearAgo = quarter(c, q - 4);
        double revenue = ttm(c, "totalRevenue", today);
        double ni = ttm(c, "netIncome", today);
        double eps = ni / c.shares;
        double forwardEps = eps * (1 + c.growth);
        String sector = SECTORS[c.sector];
        Double pe = eps > 0 ? round(price / eps, 2) : null;
        Double forwardPe = forwardEps > 0 ? round(price / forwardEps, 2) : null;
        Double dividendYield = round(c.dividendYield, 4);
        Double dividendPerShare = round(c.dividendYield * price, 4);
        CompanyProfile.Identity identity = new CompanyProfile.Identity(s.symbol() + " Corp", sector,
                INDUSTRIES[c.sector][c.industry], c.exchange, "US", "USD", false, false,
                (int) Math.max(10, revenue / c.revenuePerEmployee),
                "https://www." + s.symbol().toLowerCase(Locale.ROOT).replace('.', '-') + ".example.com", null,
                "Simulated " + sector.toLowerCase(Locale.ROOT) + " company; all figures are synthetic.", beta,
                dividendPerShare);
        CompanyProfile.Valuation valuation = new CompanyProfile.Valuation(price, round(c.shares * price, 0), high52,
                low52, pe, forwardPe, dividendYield, beta);
        CompanyProfile.Trailing trailing = new CompanyProfile.Trailing(round(eps, 4), dividendPerShare, pe,
                dividendYield, null, round(ttm(c, "operatingIncome", today) / revenue, 4), round(ni / revenue, 4),
                round(ni / latest.get("totalAssets"), 4), round(ni / latest.get("totalShareholderEquity"), 4),
                round(latest.get("totalRevenue") / yearAgo.get("totalRevenue") - 1, 4),
                yearAgo.get("netIncome") > 0 ? round(latest.get("netIncome") / yearAgo.get("netIncome") - 1, 4) : null,
                round(revenue, 0));
        CompanyProfile.Analysts analysts = new CompanyProfile.Analysts(round(price * (1 + c.upside), 2), null, null,
                null, null, c.recommendation, null);
        // one estimate: the fiscal year now running, at the forward EPS the valuation uses
        LocalDate yearEnd = LocalDate.of(today.getYear(), 12, 31);
        List<CompanyProfile.AnnualEstimate> estimates = List.of(new CompanyProfile.AnnualEstimate(yearEnd,
                round(forwardEps, 2), null, null, null, null, null, null, null));
        return new CompanyProfile(s.symbol(), identity, valuation, trailing, analysts, estimates, SIMULATED);
    }

    static Double round(double x, int places) {
        return BigDecimal.valueOf(x).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }
}
