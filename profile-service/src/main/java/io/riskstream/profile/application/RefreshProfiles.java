package io.riskstream.profile.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.marketdata.CompanyProfile;
import io.riskstream.marketdata.EarningsDate;
import io.riskstream.marketdata.EmptyAnswers;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.ProfilePart;
import io.riskstream.profile.domain.Profile;
import io.riskstream.profile.domain.ProfileField;
import io.riskstream.profile.domain.RefreshTiers.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Refreshes the given tiers of the given symbols. Symbols are grouped by the provider parts their tiers need (a daily
 * tier is a batch quote, a quarterly one adds identity, TTM ratios and analysts), and each group is asked in batches
 * of {@value #BATCH}; one earnings call per company whose quarterly tier is refreshed. A batch's provider calls come
 * first; then it is stored in one unit of work with its profile-updated events, each tier with the provider that
 * answered it; a symbol whose refreshed fields did not change emits nothing.
 */
public class RefreshProfiles {

    /** Symbols per provider call and per transaction (FMP's client may split a call further). */
    public static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(RefreshProfiles.class);

    private final ProfileStore profiles;
    private final MarketDataProvider provider;
    private final EventPublisher events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RefreshProfiles(ProfileStore profiles, MarketDataProvider provider, EventPublisher events,
                           UnitOfWork unitOfWork, Clock clock) {
        this.profiles = profiles;
        this.provider = provider;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /**
     * @param plan           tiers to refresh per symbol; symbols with none are counted as skipped
     * @param dailyCloseDate the close this refresh belongs to, or null (onboarding, operator)
     * @param cause          the id outgoing event ids derive from
     */
    public RefreshOutcome refresh(Map<String, Set<Tier>> plan, LocalDate dailyCloseDate, UUID cause, UUID runId) {
        Map<Set<ProfilePart>, List<String>> groups = new LinkedHashMap<>();
        int skipped = 0;
        for (var entry : plan.entrySet()) {
            if (entry.getValue().isEmpty()) {
                skipped++;
            } else {
                groups.computeIfAbsent(ProviderProfiles.parts(entry.getValue()), k -> new ArrayList<>())
                        .add(entry.getKey());
            }
        }
        RefreshOutcome outcome = new RefreshOutcome(0, skipped, 0, 0, 0);
        for (var group : groups.entrySet()) {
            List<String> due = group.getValue();
            for (int i = 0; i < due.size(); i += BATCH) {
                outcome = outcome.plus(batch(due.subList(i, Math.min(due.size(), i + BATCH)), group.getKey(), plan,
                        dailyCloseDate, cause, runId));
            }
        }
        return outcome;
    }

    private RefreshOutcome batch(List<String> symbols, Set<ProfilePart> parts, Map<String, Set<Tier>> plan,
                                 LocalDate dailyCloseDate, UUID cause, UUID runId) {
        int calls = 1;
        Map<String, CompanyProfile> answer;
        try {
            answer = provider.profiles(symbols, parts);
        } catch (RuntimeException e) {
            log.warn("profile batch of {} symbols ({}) failed at {}: {}", symbols.size(), parts, provider.name(),
                    e.toString());
            return new RefreshOutcome(0, 0, symbols.size(), calls, symbols.size());
        }
        LocalDate today = dailyCloseDate != null ? dailyCloseDate : LocalDate.now(clock);
        Map<String, Profile> stored = profiles.findAll(answer.keySet());
        Map<String, Profile> fresh = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        int errors = 0;
        for (String symbol : symbols) {
            CompanyProfile p = answer.get(symbol);
            if (p == null || parts.contains(ProfilePart.IDENTITY) && p.identity() == null) {
                continue; // not answered (a profile without its identity is not a profile)
            }
            Set<Tier> tiers = plan.get(symbol);
            Profile profile = ProviderProfiles.of(p, stored.getOrDefault(symbol, Profile.empty(symbol)), tiers, today);
            if (tiers.contains(Tier.QUARTERLY) && !profile.fundOrEtf()) {
                calls++;
                try {
                    // a company without a single earnings date is more likely an empty answer than the truth
                    List<EarningsDate> earnings = EmptyAnswers.askedUntilAnswered(() -> provider.earnings(symbol));
                    profile = ProviderProfiles.withEarnings(profile, earnings, today);
                } catch (RuntimeException e) {
                    log.warn("{}: earnings failed at {}: {}", symbol, provider.name(), e.toString());
                    errors++;
                    continue;
                }
            }
            fresh.put(symbol, profile);
            sources.put(symbol, p.source() == null ? provider.name() : p.source());
        }
        if (fresh.size() < symbols.size()) {
            log.info("{} of {} symbols not answered by {}", symbols.size() - fresh.size(), symbols.size(),
                    provider.name());
        }
        Instant now = clock.instant();
        unitOfWork.run(() -> {
            // A daily tier fetched outside a close (a new symbol, an operator) holds values at least as new as every
            // close already processed: it carries the latest of them, as a close would have stamped it. Otherwise a
            // symbol first fetched after a close (its fetch delayed by a provider outage) would stay unstamped and that
            // close's redelivery would fetch its daily tier again. Read here, in the unit of work that saves the tier,
            // because a close marked done later stamps the tiers saved before it, and none can be marked in between.
            LocalDate closeReflected = dailyCloseDate != null ? dailyCloseDate
                    : dailyTierIn(plan, fresh.keySet()) ? profiles.dailyCloseToStamp().orElse(null) : null;
            Map<String, Profile> current = profiles.findAll(fresh.keySet());
            List<EventEnvelope<ProfileUpdated>> updates = new ArrayList<>();
            fresh.forEach((symbol, profile) -> {
                Set<Tier> tiers = plan.get(symbol);
                Profile old = current.getOrDefault(symbol, Profile.empty(symbol));
                Profile updated = old.withTiers(profile, tiers);
                profiles.save(updated, tiers, sources.get(symbol), now,
                        tiers.contains(Tier.DAILY) ? closeReflected : null);
                List<ProfileField> changed = old.changedIn(updated, tiers);
                if (!changed.isEmpty()) {
                    updates.add(event(cause, runId, updated, tiers, changed, now));
                }
            });
            events.publishAll(updates);
        });
        return new RefreshOutcome(fresh.size(), 0, symbols.size() - fresh.size(), calls, errors);
    }

    private static boolean dailyTierIn(Map<String, Set<Tier>> plan, Set<String> symbols) {
        return symbols.stream().anyMatch(symbol -> plan.get(symbol).contains(Tier.DAILY));
    }

    private static EventEnvelope<ProfileUpdated> event(UUID cause, UUID runId, Profile p, Set<Tier> tiers,
                                                       List<ProfileField> changed, Instant now) {
        ProfileUpdated.Tier tier = tiers.size() == 1 ? ProfileUpdated.Tier.valueOf(tiers.iterator().next().name())
                : ProfileUpdated.Tier.ALL;
        return EventEnvelope.of(EventIds.derive(cause, "profile-updated", p.symbol(), tier.name()), runId, now,
                new ProfileUpdated(p.symbol(), tier, changed.stream().map(ProfileField::wireName).toList(), fields(p)));
    }

    /** The values downstream services use: factor-service beta and valuations, portfolio-service the classification. */
    static ProfileUpdated.ProfileFields fields(Profile p) {
        return new ProfileUpdated.ProfileFields(p.text(ProfileField.NAME), p.text(ProfileField.SECTOR),
                p.text(ProfileField.INDUSTRY), p.flag(ProfileField.IS_ETF), p.flag(ProfileField.IS_FUND),
                p.decimal(ProfileField.BETA), p.decimal(ProfileField.MARKET_CAP), p.decimal(ProfileField.PE_RATIO),
                p.decimal(ProfileField.FORWARD_PE), p.decimal(ProfileField.DIVIDEND_YIELD),
                p.decimal(ProfileField.WEEK_52_HIGH), p.decimal(ProfileField.WEEK_52_LOW));
    }
}
