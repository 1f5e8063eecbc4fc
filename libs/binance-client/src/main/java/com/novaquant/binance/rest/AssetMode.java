package com.novaquant.binance.rest;

/** The USD-M account's asset mode ({@code multiAssetsMargin} false / true). */
public enum AssetMode {
    /** Each margin asset backs only its own symbols (USDT for USDT-margined ones). */
    SINGLE_ASSET,
    /** Every margin-eligible asset backs every position, converted at Binance's rates. */
    MULTI_ASSETS
}
