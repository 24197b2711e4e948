package io.riskstream.factor.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.ProfileUpdated;
import org.springframework.transaction.support.TransactionTemplate;

/** profile-updated → remember the provider's beta; the next calculation of the symbol copies it as provider_beta. */
public class ApplyProfileUpdate {

    private final ExposureStore exposures;
    private final TransactionTemplate tx;

    public ApplyProfileUpdate(ExposureStore exposures, TransactionTemplate tx) {
        this.exposures = exposures;
        this.tx = tx;
    }

    public void handle(EventEnvelope<ProfileUpdated> event) {
        ProfileUpdated update = event.payload();
        tx.executeWithoutResult(s -> exposures.setProviderBeta(update.symbol(), update.profile().beta()));
    }
}
