package io.riskstream.portfolio.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.portfolio.domain.SectorExposure;

import java.util.Collection;
import java.util.Map;

/** profile-updated → the name, sector and industry portfolio analytics group by. */
public class SymbolProfiles {

    /** Stored profile fields per symbol; a null field keeps the stored value. */
    public interface Store {
        /** Returns whether the symbol's classification (sector, ETF flag) is new or changed. */
        boolean save(String symbol, ProfileUpdated.ProfileFields fields);

        /** Sector and ETF flag of the symbols that have a stored profile. */
        Map<String, SectorExposure.Profile> sectors(Collection<String> symbols);
    }

    private final Store store;

    public SymbolProfiles(Store store) {
        this.store = store;
    }

    /** Stores the fields; true when the sector or ETF flag the sector exposures group by is new or changed. */
    public boolean apply(EventEnvelope<ProfileUpdated> event) {
        return store.save(event.payload().symbol(), event.payload().profile());
    }

    public Map<String, SectorExposure.Profile> sectors(Collection<String> symbols) {
        return store.sectors(symbols);
    }
}
