package com.novaquant.simulator.domain.accounts;

import java.math.BigDecimal;

/** A spot balance of one asset: free to use, and locked by open orders. */
public record AssetBalance(String asset, BigDecimal free, BigDecimal locked) {
}
