package com.novaquant.binance.outcome;

/** Why a request never reached Binance. */
public enum NotSentReason {
    /** TCP connect (or TLS handshake) failed before any byte of the request was written. */
    CONNECT_FAILED,
    /** The venue's circuit breaker is open after repeated transport failures. */
    CIRCUIT_OPEN,
    /** The local weight/order budget is spent, or a 429 Retry-After is still running. */
    RATE_LIMITED,
    /** Binance banned this IP (HTTP 418); every request is refused locally until the ban lifts. */
    BANNED,
    /** The request is invalid before sending: bad fields, exchange filters, missing credentials. */
    INVALID_LOCALLY,
    /** The client is closed. */
    CLOSED
}
