package com.novaquant.ids;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Names one hedged pair (long spot, short perpetual) for its whole life, from the signal that opened it to its close.
 * Written on the wire as the bare string.
 */
public record PairId(String value) implements Identifier<PairId> {

    public static final int MAX_LENGTH = 64;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PairId {
        IdentifierText.require(value, MAX_LENGTH, "pair id");
    }

    @Override
    public String toString() {
        return value;
    }
}
