package io.riskstream.factor.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.FactorsReady.FactorValue;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.factors.FactorId;
import io.riskstream.factor.domain.metrics.Valuation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * profile-updated → the provider's beta becomes the symbol's {@code provider_beta} on every calculation date it has
 * (and on those computed later), and is announced. The provider gives one current beta, not a history, so applying
 * it to all dates is what makes the result independent of whether the profile or the prices arrived first — a
 * replay of either topic then leaves the same rows. The profile's valuation fields reach the symbol's metrics the
 * same way.
 */
public class ApplyProfileUpdate {

    /** The legacy batch stored a provider beta as a one-year (252 trading days) statistic. */
    static final int PROVIDER_BETA_OBSERVATIONS = 252;

    /** A symbol's profile as profile-updated announced it, the event's id and its run. */
    public record Command(String symbol, ProfileUpdated.ProfileFields profile, UUID causeEventId, UUID runId) {
    }

    private final ExposureStore exposures;
    private final EventPublisher events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final int datesPerEvent;
    private final RecordSymbolMetrics metrics;

    public ApplyProfileUpdate(ExposureStore exposures, EventPublisher events, UnitOfWork unitOfWork, Clock clock,
                              int datesPerEvent, RecordSymbolMetrics metrics) {
        this.exposures = exposures;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.datesPerEvent = datesPerEvent;
        this.metrics = metrics;
    }

    public void handle(Command command) {
        String symbol = command.symbol();
        Double beta = command.profile().beta();
        unitOfWork.run(() -> {
            exposures.lockSymbol(symbol);
            exposures.setProviderBeta(symbol, beta);
            metrics.applyProfile(symbol, valuation(command.profile()));
            String factor = FactorId.PROVIDER_BETA.wireName();
            if (beta == null || beta == 0.0) {
                exposures.deleteFactor(symbol, factor);
                return;
            }
            FactorValue value = providerBeta(beta);
            List<DatedExposures> dated = exposures.calculationDates(symbol).stream()
                    .map(d -> new DatedExposures(d, Map.of(factor, value))).toList();
            if (dated.isEmpty()) {
                return;
            }
            exposures.upsert(symbol, dated);
            for (int i = 0; i < dated.size(); i += datesPerEvent) {
                List<DatedExposures> chunk = dated.subList(i, Math.min(dated.size(), i + datesPerEvent));
                LocalDate first = chunk.getFirst().calculationDate();
                LocalDate last = chunk.getLast().calculationDate();
                events.publish(EventEnvelope.of(EventIds.derive(command.causeEventId(), "factors-ready", symbol, factor,
                        first.toString(), last.toString()), command.runId(), clock.instant(),
                        new FactorsReady(symbol, chunk)));
            }
        });
    }

    static Valuation valuation(ProfileUpdated.ProfileFields p) {
        return new Valuation(p.name(), p.sector(), p.marketCap(), p.peRatio(), p.forwardPe(), p.dividendYield());
    }

    static FactorValue providerBeta(double beta) {
        return new FactorValue(beta, null, null, null, null, null, PROVIDER_BETA_OBSERVATIONS);
    }
}
