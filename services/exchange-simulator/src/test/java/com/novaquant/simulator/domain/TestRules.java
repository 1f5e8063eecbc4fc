package com.novaquant.simulator.domain;

import com.novaquant.simulator.domain.market.VenueRules;

import java.math.BigDecimal;

/** BTCUSDT-like filters used across tests. */
public final class TestRules {

    public static final VenueRules SPOT = new VenueRules(new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("1000000"),
            new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("120"), new BigDecimal("5"));
    public static final VenueRules FUTURES = new VenueRules(new BigDecimal("0.10"), new BigDecimal("0.10"), new BigDecimal("4529764"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("1000"), new BigDecimal("120"), new BigDecimal("100"));

    private TestRules() {
    }
}
