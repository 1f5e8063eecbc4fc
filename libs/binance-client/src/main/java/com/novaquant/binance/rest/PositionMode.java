package com.novaquant.binance.rest;

/** The USD-M account's position mode, every symbol ({@code dualSidePosition} false / true). */
public enum PositionMode {
    /** One position per symbol; orders carry {@code positionSide} BOTH (or none). */
    ONE_WAY,
    /** A LONG and a SHORT position per symbol; every order must name one. */
    HEDGE
}
