package io.riskstream.common.event;

import java.util.List;

import static io.riskstream.common.event.Contract.*;

/**
 * The profile of {@code symbol} was refreshed for {@code tier}; {@code changedFields} names what changed and
 * {@code profile} carries the values downstream services use. Key: the symbol.
 */
public record ProfileUpdated(String symbol, Tier tier, List<String> changedFields, ProfileFields profile)
        implements EventPayload {

    public enum Tier { DAILY, QUARTERLY, STATIC, ALL }

    /** The profile values other services use (factor-service: beta and valuations; portfolio-service: sector). */
    public record ProfileFields(String name, String sector, String industry, boolean etf, boolean fund, Double beta,
                                Double marketCap, Double peRatio, Double forwardPe, Double dividendYield,
                                Double week52High, Double week52Low) {
        public ProfileFields {
            finiteOrNull(beta, "profile.beta");
            finiteOrNull(marketCap, "profile.marketCap");
            finiteOrNull(peRatio, "profile.peRatio");
            finiteOrNull(forwardPe, "profile.forwardPe");
            finiteOrNull(dividendYield, "profile.dividendYield");
            finiteOrNull(week52High, "profile.week52High");
            finiteOrNull(week52Low, "profile.week52Low");
        }
    }

    public ProfileUpdated {
        checkSymbol(symbol, "symbol");
        required(tier, "tier");
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
        required(profile, "profile");
    }

    @Override
    public String key() {
        return symbol;
    }
}
