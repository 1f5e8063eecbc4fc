package com.novaquant.execution.domain;

/** How a leg fell short of its requested quantity, as the leg-risk policy needs to know it. */
public enum LegFailure {
    /** Filled as requested. */
    NONE("Filled", true),
    /** Filled only in part (the remainder expired or was cancelled). */
    PARTIAL("Partially Filled", true),
    /** Refused for a reason that may pass on retry (throttling, rate limit). */
    REJECTED_RETRYABLE("Rejected", true),
    /** Refused for a reason a retry will not change (margin, balance, filters, symbol). */
    REJECTED("Rejected", false),
    /** Timed out or answered ambiguously, and the query found no order: it never reached the book. */
    TIMED_OUT("Timed Out", true),
    /** Never sent (local guard or connection failure before the request left). */
    NOT_SENT("Not Sent", true),
    /**
     * A reduce-only perp order refused because there is no short to reduce (-2022): the short is gone (liquidation
     * or auto-deleveraging), and nothing may be bought back against it.
     */
    NO_POSITION("Position Missing", false),
    /** Ambiguous and still unresolved after querying: re-sending could double the position. */
    UNRESOLVED("Unknown", false);

    private final String words;
    private final boolean retryable;

    LegFailure(String words, boolean retryable) {
        this.words = words;
        this.retryable = retryable;
    }

    /** How the alert text names this outcome ("Rejected", "Partially Filled"...). */
    public String words() {
        return words;
    }

    public boolean retryable() {
        return retryable;
    }
}
