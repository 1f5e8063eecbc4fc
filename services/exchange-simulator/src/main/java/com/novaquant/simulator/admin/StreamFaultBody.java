package com.novaquant.simulator.admin;

import com.novaquant.simulator.domain.market.Venue;

/**
 * The body of a market-stream fault or close: {@code {venue?, ms?, ratio?, count?}}, each call reading the fields it
 * takes; no venue means both.
 */
record StreamFaultBody(Venue venue, Long ms, Double ratio, Integer count) {
}
