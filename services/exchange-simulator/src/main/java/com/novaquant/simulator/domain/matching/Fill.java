package com.novaquant.simulator.domain.matching;

import java.math.BigDecimal;

/** One execution against one book level. {@code maker} is true when the order rested and was hit. */
public record Fill(BigDecimal price, BigDecimal qty, boolean maker) {

    public BigDecimal quote() {
        return price.multiply(qty);
    }
}
