package com.novaquant.simulator.domain.orders;

import com.novaquant.simulator.domain.market.Venue;

import java.math.BigDecimal;

/** Maker and taker commission rates per venue. */
public record FeeSchedule(BigDecimal spotMaker, BigDecimal spotTaker, BigDecimal futuresMaker,
                          BigDecimal futuresTaker) {

    public BigDecimal rate(Venue venue, boolean maker) {
        if (venue == Venue.SPOT) {
            return maker ? spotMaker : spotTaker;
        }
        return maker ? futuresMaker : futuresTaker;
    }
}
