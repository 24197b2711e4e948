package io.riskstream.portfolio.application;

import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.portfolio.domain.SectorExposure;

import java.util.Collection;
import java.util.Map;

/** The name, sector, industry and ETF flag of the symbols (from profile-updated) the analytics group by. */
public interface SymbolProfiles {

    /** Stores the fields (a null field keeps the stored value); true when the sector or ETF flag is new or changed. */
    boolean save(String symbol, ProfileUpdated.ProfileFields fields);

    /** Sector and ETF flag of the symbols that have a stored profile. */
    Map<String, SectorExposure.Profile> sectors(Collection<String> symbols);
}
