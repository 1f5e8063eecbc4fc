package com.novaquant.signal.application;

import java.util.List;

/** Configuration values that cannot be used, with every reason. */
public final class InvalidSettingsException extends IllegalArgumentException {

    private final List<String> violations;

    public InvalidSettingsException(List<String> violations) {
        super("invalid nova.signal configuration: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
