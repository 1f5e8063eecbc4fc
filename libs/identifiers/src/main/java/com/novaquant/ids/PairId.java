package com.novaquant.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Names one hedged pair (long spot, short perpetual) for its whole life, from the signal that opened it to its close.
 * Written on the wire as the bare string.
 */
public record PairId(String value) implements Comparable<PairId> {

    public static final int MAX_LENGTH = 64;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PairId {
        IdentifierText.require(value, MAX_LENGTH, "pair id");
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(PairId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
