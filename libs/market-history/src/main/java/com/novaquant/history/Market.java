package com.novaquant.history;

/** The two markets of a carry pair, as Binance's bulk-download tree names them. */
public enum Market {
    /** {@code data/spot/...} */
    SPOT,
    /** {@code data/futures/um/...} */
    USDM
}
