package com.novaquant.execution.domain;

import java.math.BigDecimal;

/**
 * Everything the pre-trade check looks at, gathered before either leg is sent.
 *
 * @param growing                whether the execution grows the position (opening) rather than shrinks it
 * @param quantity               the common base quantity both legs would trade
 * @param spotPrice              the signal's price for the spot leg (its ask to buy, its bid to sell)
 * @param perpPrice              the signal's price for the perp leg (its bid to sell, its ask to buy)
 * @param quoteAgeMs             age of the older of the two quotes behind the signal
 * @param symbolNotional         current hedged notional in this symbol
 * @param totalNotional          current hedged notional over all symbols
 * @param spotQuoteFree          free quote asset (USDT) on spot
 * @param spotBaseFree           free base asset on spot (what a spot SELL can sell)
 * @param futuresAvailable       available futures margin (USDT)
 * @param futuresWallet          futures wallet balance (USDT), the leverage denominator
 * @param leverage               the leverage set on the perp
 * @param spotQuantity           the spot leg's quantity: the common quantity, except when a close sells the whole
 *                               spot holding (short of the perp by the commission paid in the base asset)
 * @param own                    execution's own view of both venues' best prices at the decision, or null when it has
 *                               none for either leg: what a growing trade is checked and limited on
 *                               ({@link PreTradeCheck#prices})
 */
public record PreTradeRequest(boolean growing, BigDecimal quantity, BigDecimal spotPrice, BigDecimal perpPrice,
                              long quoteAgeMs, BigDecimal symbolNotional, BigDecimal totalNotional,
                              BigDecimal spotQuoteFree, BigDecimal spotBaseFree, BigDecimal futuresAvailable,
                              BigDecimal futuresWallet, BigDecimal leverage, BigDecimal spotQuantity,
                              OwnPrices own) {

    /** A request whose spot leg trades the common quantity. */
    public PreTradeRequest(boolean growing, BigDecimal quantity, BigDecimal spotPrice, BigDecimal perpPrice,
                           long quoteAgeMs, BigDecimal symbolNotional, BigDecimal totalNotional,
                           BigDecimal spotQuoteFree, BigDecimal spotBaseFree, BigDecimal futuresAvailable,
                           BigDecimal futuresWallet, BigDecimal leverage, OwnPrices own) {
        this(growing, quantity, spotPrice, perpPrice, quoteAgeMs, symbolNotional, totalNotional, spotQuoteFree,
                spotBaseFree, futuresAvailable, futuresWallet, leverage, quantity, own);
    }
}
