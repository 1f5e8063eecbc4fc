package com.novaquant.execution.application;

import com.novaquant.events.NovaEvent;

/** Where execution's events go ({@code nova.exec.events}, {@code nova.control}): a port, Kafka in production. */
@FunctionalInterface
public interface ExecutionEvents {

    /** Hands the event over; never throws for a broker problem (the adapter counts and logs it). */
    void publish(String topic, NovaEvent event);
}
