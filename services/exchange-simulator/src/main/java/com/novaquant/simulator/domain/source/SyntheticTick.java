package com.novaquant.simulator.domain.source;

import com.novaquant.simulator.domain.market.Book;

import java.math.BigDecimal;

/** One step of the synthetic market for one symbol: both books, prices and the predicted funding rate. */
public record SyntheticTick(String symbol, Book spot, Book futures, BigDecimal markPrice,
                            BigDecimal markPriceAverage, BigDecimal indexPrice, BigDecimal fundingRate) {
}
