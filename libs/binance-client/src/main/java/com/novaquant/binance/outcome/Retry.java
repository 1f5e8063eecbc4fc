package com.novaquant.binance.outcome;

/**
 * Whether the same request may be sent again after an outcome, and when. {@link OrderOutcome#retry()} decides it for
 * every outcome; callers ask it rather than looking at kinds and codes themselves.
 */
public enum Retry {
    /**
     * Sending it again would change nothing: nothing failed ({@link Accepted}), Binance refused the request itself
     * (funds, filters, symbol, unknown order, key, signature), it was invalid before sending, or the client is closed.
     */
    NEVER,
    /**
     * Sending it again now may succeed: it may never have arrived or been executed ({@link Unknown}, a connect
     * failure), or Binance refused only its timestamp (-1021; resynchronise server time first). For a request that
     * may be repeated (read, query, cancel): an order placement is never re-sent, an {@link Unknown} one is resolved
     * by querying it.
     */
    AT_ONCE,
    /**
     * Sending it again may succeed once the load has passed: rate limit or ban (-1003, -1015, HTTP 429/418, or
     * refused locally meanwhile), server busy (-1008), open circuit.
     */
    LATER
}
