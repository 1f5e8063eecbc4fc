package com.novaquant.support.config;

/**
 * A setting the service cannot run with. Thrown at start-up; {@link InvalidConfigurationFailureAnalyzer} turns it
 * into Spring Boot's "APPLICATION FAILED TO START" report: what is wrong, naming the setting and its environment
 * variable, and what to do, instead of a stack trace.
 */
public class InvalidConfigurationException extends IllegalStateException {

    private final String action;

    /**
     * @param problem what is wrong, naming the setting (and its environment variable)
     * @param action  what the operator does to fix it
     */
    public InvalidConfigurationException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public InvalidConfigurationException(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
