package com.novaquant.support.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed on an {@link InvalidConfigurationException} anywhere in the cause chain (usually
 * wrapped in a bean-creation failure): the problem and the fix, without the stack trace that would bury them.
 */
public class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        return new FailureAnalysis("Invalid configuration: " + cause.getMessage(), cause.action(), cause);
    }
}
