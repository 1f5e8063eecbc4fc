package com.novaquant.binance.outcome;

/**
 * What happened to one order request (place, query or cancel), classified once at the HTTP boundary by
 * {@link OutcomeClassifier}. The execution engine switches on this type and never sees HTTP status codes.
 *
 * <ul>
 *   <li>{@link Accepted}: Binance answered with the order (placed, found, or canceled).</li>
 *   <li>{@link Rejected}: Binance definitely refused the request; nothing changed on the exchange.</li>
 *   <li>{@link Unknown}: the request reached Binance but the result is not known. The order MAY exist: query it
 *       by client order id before doing anything else; never re-send it blindly.</li>
 *   <li>{@link NotSent}: the request never left this process (or never reached Binance); safe to decide again.</li>
 * </ul>
 */
public sealed interface OrderOutcome permits Accepted, Rejected, Unknown, NotSent {

    /** Short lower-case class name used as the {@code class} metric tag. */
    String kind();
}
