package com.novaquant.ids;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Names one signal, the target decision execution trades on. Execution derives the pair id and the client order ids
 * of what it sends from it, so a redelivered signal finds its own orders instead of sending them again. Written on
 * the wire as the bare string.
 */
public record SignalId(String value) implements Identifier<SignalId> {

    public static final int MAX_LENGTH = 128;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SignalId {
        IdentifierText.require(value, MAX_LENGTH, "signal id");
    }

    @Override
    public String toString() {
        return value;
    }
}
