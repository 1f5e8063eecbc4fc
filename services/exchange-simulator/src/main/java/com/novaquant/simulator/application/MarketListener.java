package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;

/** Told whenever a rendered (synthetic) market changed, so the streams can publish it. */
public interface MarketListener {

    void bookChanged(SymbolMarket market, Venue venue);
}
