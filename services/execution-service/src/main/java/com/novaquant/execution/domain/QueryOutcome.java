package com.novaquant.execution.domain;

/** The answer to "does the exchange know this client order id?". */
public sealed interface QueryOutcome {

    record Found(OrderReport report) implements QueryOutcome {
    }

    /** The exchange answered that no such order exists (-2013): it was never placed. */
    record NotFound() implements QueryOutcome {
    }

    /** The query itself failed; nothing can be concluded. */
    record Failed(String reason) implements QueryOutcome {
    }
}
