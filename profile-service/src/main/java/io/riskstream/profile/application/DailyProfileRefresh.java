package io.riskstream.profile.application;

import io.riskstream.common.application.RetryLaterException;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.profile.domain.ProfileState;
import io.riskstream.profile.domain.RefreshTiers.Tier;
import io.riskstream.profile.domain.TierSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * daily-close: first every profile that is missing (a symbol announced to this service whose creation failed gets all
 * its tiers — the legacy plan's "sync missing profiles" step), then the daily tier of every stored profile, plus the
 * quarterly and static tiers that are due. A close is done once per trading date: a repeated or redelivered close of
 * a date already processed makes no provider call, and one interrupted half-way resumes with the symbols not yet
 * refreshed for that date.
 */
public class DailyProfileRefresh {

    private static final Logger log = LoggerFactory.getLogger(DailyProfileRefresh.class);

    /** The close of a trading date, when it was triggered, the event that announced it and its run. */
    public record Command(LocalDate tradingDate, Instant triggeredAt, UUID causeEventId, UUID runId) {
    }

    private final ProfileStore profiles;
    private final RefreshProfiles refresh;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final TradingCalendar calendar;

    public DailyProfileRefresh(ProfileStore profiles, RefreshProfiles refresh, UnitOfWork unitOfWork, Clock clock,
                               TradingCalendar calendar) {
        this.profiles = profiles;
        this.refresh = refresh;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.calendar = calendar;
    }

    public RefreshOutcome handle(Command command) {
        LocalDate date = command.tradingDate();
        if (!calendar.isTradingDay(date)) {
            // a weekend or holiday: the market did not close, so nothing is due and nothing is recorded
            log.info("daily-close {}: not a trading day, nothing to do", date);
            return RefreshOutcome.none();
        }
        if (profiles.dailyCloseDone(date)) {
            log.info("daily-close {}: already processed", date);
            return RefreshOutcome.none();
        }
        Instant now = clock.instant();
        RefreshOutcome created = RefreshOutcome.none();
        // the profiles missing when the close was triggered; a symbol announced since is its onboarding's to create
        List<String> missing = profiles.symbolsWithoutProfile(command.triggeredAt());
        if (!missing.isEmpty()) {
            Map<String, Set<Tier>> all = new LinkedHashMap<>();
            missing.forEach(symbol -> all.put(symbol, EnumSet.allOf(Tier.class)));
            created = refresh.refresh(all, date, command.causeEventId(), command.runId());
            log.info("daily-close {}: {} missing profile(s) first: {}", date, missing.size(), created);
        }
        Map<String, Set<Tier>> plan = new LinkedHashMap<>();
        for (ProfileState state : profiles.allStates()) {
            if (!missing.contains(state.symbol())) {
                plan.put(state.symbol(), TierSelection.forDailyClose(state, date, now));
            }
        }
        // a missing profile that still cannot be created does not hold up the close: it is tried again at the next one
        RefreshOutcome outcome = refresh.refresh(plan, date, command.causeEventId(), command.runId())
                .plus(new RefreshOutcome(created.refreshed(), created.skippedFresh(), created.failed(),
                        created.providerCalls(), 0));
        log.info("daily-close {}: {}", date, outcome);
        if (outcome.errors() > 0) {
            // retried later without limit (an outage is waited out, never dead-lettered: the close would be lost);
            // symbols already refreshed for this date are skipped then
            throw new RetryLaterException("daily-close " + date + ": " + outcome.errors() + " provider errors");
        }
        // with the profiles an onboarding created meanwhile: they were not in the plan read above
        unitOfWork.run(() -> profiles.markDailyCloseDone(date, command.triggeredAt(), outcome, now));
        return outcome;
    }
}
