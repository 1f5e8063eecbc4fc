package com.novaquant.binance.stream.parse;

/**
 * Outcome of parsing one frame: {@link #OK} or the reason it was rejected. Every rejection is counted by the caller
 * under this name; a parser never throws on bad input.
 */
public enum ParseStatus {
    OK,
    /** The frame ended inside a value or before the closing brace. */
    TRUNCATED,
    /** Not the JSON grammar we accept (bad token, missing colon or comma, unterminated structure). */
    MALFORMED,
    /** Something other than whitespace after the top-level object. */
    TRAILING_DATA,
    /** Nesting deeper than any Binance payload has: refused rather than recursed into. */
    TOO_DEEP,
    /** A field with the wrong JSON type (a number where Binance sends a string, or the reverse). */
    WRONG_TYPE,
    /** A field the payload type requires is absent. */
    MISSING_FIELD,
    /** The same field twice: ambiguous, so refused. */
    DUPLICATE_FIELD,
    /** A number with more significant digits (or decimals) than a signed 64-bit scaled value holds exactly. */
    NUMBER_OUT_OF_RANGE,
    /** A decimal string that is not plain digits with an optional point (NaN, Infinity, exponents, empty). */
    NOT_A_NUMBER,
    /** A minus sign where the value cannot be negative (prices, quantities, ids, times). */
    NEGATIVE_VALUE,
    /** A price of zero. */
    NON_POSITIVE_PRICE,
    /** A symbol that is not configured. */
    UNKNOWN_SYMBOL,
    /** The payload's symbol is not the one its stream name promises. */
    SYMBOL_MISMATCH,
    /** A combined-stream envelope naming a stream this connection did not subscribe to. */
    UNKNOWN_STREAM,
    /** An event type ({@code e}) other than the one the stream carries. */
    UNEXPECTED_EVENT,
    /** Larger than the configured maximum frame size. */
    TOO_LARGE;

    public boolean ok() {
        return this == OK;
    }
}
