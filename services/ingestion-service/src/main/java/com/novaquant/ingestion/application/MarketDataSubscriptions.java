package com.novaquant.ingestion.application;

import java.util.Set;

/** The market-data connections, as far as which symbols they carry goes. */
public interface MarketDataSubscriptions {

    /**
     * Subscribes the open connections to exactly these symbols' streams (spot and USD-M book tickers, USD-M mark
     * price), without reconnecting: streams of symbols no longer wanted are unsubscribed, new ones subscribed.
     */
    void follow(Set<String> symbols);
}
