package com.novaquant.simulator.domain.market;

import java.math.BigDecimal;

/** One price level of a book side: an exact price and the quantity resting there. */
public record PriceLevel(BigDecimal price, BigDecimal qty) {
}
