package com.novaquant.binance.rest;

import java.math.BigDecimal;

/**
 * One fill of the account, as {@code GET /api/v3/myTrades} (spot) or {@code GET /fapi/v1/userTrades} (USD-M)
 * report it. An order answer carries no commission on USD-M and none on a spot query either; these rows do.
 *
 * @param id              the trade id, unique per symbol and venue
 * @param buyer           whether the account bought (spot {@code isBuyer}, USD-M {@code buyer})
 * @param maker           whether the account's order was resting (spot {@code isMaker}, USD-M {@code maker})
 * @param quoteQty        price x qty in the quote asset
 * @param commission      the fee charged, in {@code commissionAsset}
 * @param realizedPnl     USD-M profit realised by this fill; zero on spot, which has no such notion
 * @param timeMs          trade time, ms since the epoch
 */
public record AccountTrade(String symbol, long id, long orderId, boolean buyer, boolean maker, BigDecimal price,
                           BigDecimal qty, BigDecimal quoteQty, BigDecimal commission, String commissionAsset,
                           BigDecimal realizedPnl, long timeMs) {
}
