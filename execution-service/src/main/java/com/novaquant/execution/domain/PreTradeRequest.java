package com.novaquant.execution.domain;

import java.math.BigDecimal;

/**
 * Everything the pre-trade check looks at, gathered before either leg is sent.
 *
 * @param growing                whether the execution grows the position (opening) rather than shrinks it
 * @param quantity               the common base quantity both legs would trade
 * @param spotPrice              the price the spot leg is expected at (ask to buy, bid to sell)
 * @param perpPrice              the price the perp leg is expected at (bid to sell, ask to buy)
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
 */
public record PreTradeRequest(boolean growing, BigDecimal quantity, BigDecimal spotPrice, BigDecimal perpPrice,
                              long quoteAgeMs, BigDecimal symbolNotional, BigDecimal totalNotional,
                              BigDecimal spotQuoteFree, BigDecimal spotBaseFree, BigDecimal futuresAvailable,
                              BigDecimal futuresWallet, BigDecimal leverage, BigDecimal spotQuantity) {

    /** A request whose spot leg trades the common quantity. */
    public PreTradeRequest(boolean growing, BigDecimal quantity, BigDecimal spotPrice, BigDecimal perpPrice,
                           long quoteAgeMs, BigDecimal symbolNotional, BigDecimal totalNotional,
                           BigDecimal spotQuoteFree, BigDecimal spotBaseFree, BigDecimal futuresAvailable,
                           BigDecimal futuresWallet, BigDecimal leverage) {
        this(growing, quantity, spotPrice, perpPrice, quoteAgeMs, symbolNotional, totalNotional, spotQuoteFree,
                spotBaseFree, futuresAvailable, futuresWallet, leverage, quantity);
    }
}
