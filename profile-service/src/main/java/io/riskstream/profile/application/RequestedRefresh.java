package io.riskstream.profile.application;

import io.riskstream.common.event.Contract;
import io.riskstream.profile.domain.ProfileState;
import io.riskstream.profile.domain.RefreshTiers.Tier;
import io.riskstream.profile.domain.TierSelection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The operator's refresh: chosen symbols, one tier or all, optionally forced. */
public class RequestedRefresh {

    /** The operator's request: symbols, a tier ("daily", "quarterly", "static" or "all") and whether to force. */
    public record Command(List<String> symbols, String tier, Boolean force) {
    }

    public static final int MAX_SYMBOLS = 5_000;

    private final ProfileStore profiles;
    private final RefreshProfiles refresh;
    private final Clock clock;
    private final SessionClock sessions;

    public RequestedRefresh(ProfileStore profiles, RefreshProfiles refresh, Clock clock, SessionClock sessions) {
        this.profiles = profiles;
        this.refresh = refresh;
        this.clock = clock;
        this.sessions = sessions;
    }

    /** Throws IllegalArgumentException naming the invalid field. */
    public RefreshOutcome refresh(Command command) {
        Set<String> wanted = validSymbols(command.symbols());
        Set<Tier> tiers = tiers(command.tier());
        boolean forced = Boolean.TRUE.equals(command.force());
        Instant now = clock.instant();
        LocalDate session = sessions.latestCompletedSession();
        Instant sessionClose = sessions.closeOf(session);
        Map<String, ProfileState> states = profiles.states(wanted);
        Map<String, Set<Tier>> plan = new LinkedHashMap<>();
        for (String symbol : wanted) {
            ProfileState state = states.get(symbol);
            plan.put(symbol, TierSelection.forRequest(state == null ? ProfileState.missing(symbol) : state, tiers,
                    forced, now, session, sessionClose, state != null));
        }
        UUID request = UUID.randomUUID();
        return refresh.refresh(plan, null, request, request);
    }

    private static Set<String> validSymbols(List<String> symbols) {
        return Contract.checkSymbols(symbols, MAX_SYMBOLS, "symbols", "");
    }

    private static Set<Tier> tiers(String tier) {
        if (tier == null) {
            throw new IllegalArgumentException("tier: required (daily, quarterly, static or all)");
        }
        return switch (tier.toLowerCase(Locale.ROOT)) {
            case "daily" -> EnumSet.of(Tier.DAILY);
            case "quarterly" -> EnumSet.of(Tier.QUARTERLY);
            case "static" -> EnumSet.of(Tier.STATIC);
            case "all" -> EnumSet.allOf(Tier.class);
            default -> throw new IllegalArgumentException("tier: '" + tier + "' is not one of daily, quarterly, "
                    + "static, all");
        };
    }
}
