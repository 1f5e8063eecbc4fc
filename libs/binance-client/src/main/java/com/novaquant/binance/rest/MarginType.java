package com.novaquant.binance.rest;

/** How a USD-M symbol's position is margined, as {@code POST /fapi/v1/marginType} spells it. */
public enum MarginType {
    /** The whole USD-M wallet backs the position. */
    CROSSED,
    /** Only the margin put on the position backs it. */
    ISOLATED
}
