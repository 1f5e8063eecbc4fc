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
 *
 * <p>Whether a failed request may be sent again is {@link #retry()}'s answer alone.
 */
public sealed interface OrderOutcome permits Accepted, Rejected, Unknown, NotSent {

    /** Short lower-case class name used as the {@code class} metric tag. */
    String kind();

    /** Whether and when the same request may be sent again: the one table that decides it. */
    default Retry retry() {
        return switch (this) {
            case Accepted accepted -> Retry.NEVER;
            case Unknown unknown -> Retry.AT_ONCE;
            case Rejected rejected -> switch (rejected.code()) {
                case BinanceErrorCodes.INVALID_TIMESTAMP -> Retry.AT_ONCE;
                case BinanceErrorCodes.TOO_MANY_REQUESTS, BinanceErrorCodes.TOO_MANY_ORDERS,
                     BinanceErrorCodes.SERVER_BUSY -> Retry.LATER;
                default -> Retry.NEVER;
            };
            case NotSent notSent -> switch (notSent.reason()) {
                case CONNECT_FAILED -> Retry.AT_ONCE;
                case RATE_LIMITED, BANNED, CIRCUIT_OPEN -> Retry.LATER;
                case INVALID_LOCALLY, CLOSED -> Retry.NEVER;
            };
        };
    }

    /** The same request may succeed on a later attempt (now or after a wait): {@link #retry()} is not NEVER. */
    default boolean retryable() {
        return retry() != Retry.NEVER;
    }
}
