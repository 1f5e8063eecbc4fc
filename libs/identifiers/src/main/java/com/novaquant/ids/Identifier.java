package com.novaquant.ids;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What every id record shares: its text, written on the wire as the bare string, and an order by that text (the
 * ledger lists orders by client order id; the in-memory books must list them alike).
 */
public interface Identifier<T extends Identifier<T>> extends Comparable<T> {

    @JsonValue
    String value();

    @Override
    default int compareTo(T other) {
        return value().compareTo(other.value());
    }
}
