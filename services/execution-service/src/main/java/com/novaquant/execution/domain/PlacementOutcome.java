package com.novaquant.execution.domain;

/**
 * The outcome of sending one order, classified once by the venue adapter. The engine switches on this type and
 * never looks at HTTP codes.
 */
public sealed interface PlacementOutcome {

    /** The exchange took the order; the report says how much filled. */
    record Accepted(OrderReport report) implements PlacementOutcome {
    }

    /**
     * The exchange refused the order for certain; nothing happened.
     *
     * @param retryable a later identical request may succeed (throttling, rate limit), as opposed to a permanent
     *                  refusal (margin, balance, filters)
     */
    record Rejected(int code, String message, boolean retryable) implements PlacementOutcome {
    }

    /** The exchange may or may not have the order (5xx, -1007, timeout): query by client id before anything else. */
    record Unknown(String reason) implements PlacementOutcome {
    }

    /** The request never left this process (guard, connection refused before sending). */
    record NotSent(String reason) implements PlacementOutcome {
    }
}
