package com.novaquant.execution.application;

import com.novaquant.events.Severity;

/** Raises alerts with execution as the source ({@code nova.alerts}): a port, Kafka in production. */
@FunctionalInterface
public interface Alerts {

    void raise(Severity severity, String code, String text, String dedupKey);
}
