package com.novaquant.ingestion.application.scan;

import com.novaquant.events.MarketScan;

import java.util.Map;

/** A scan ready to publish, with the symbols left out of it counted per reason. */
public record JoinedScan(MarketScan scan, Map<ExclusionReason, Integer> excluded) {

    public JoinedScan {
        excluded = Map.copyOf(excluded);
    }

    public int excluded(ExclusionReason reason) {
        return excluded.getOrDefault(reason, 0);
    }
}
