package com.novaquant.binance.outcome;

import java.math.BigDecimal;

/**
 * One trade of a spot order, from the FULL response's {@code fills[]}. USD-M responses carry no fills.
 *
 * @param commissionAsset may be null when Binance gave none
 */
public record Fill(BigDecimal price, BigDecimal quantity, BigDecimal commission, String commissionAsset,
                   long tradeId) {
}
