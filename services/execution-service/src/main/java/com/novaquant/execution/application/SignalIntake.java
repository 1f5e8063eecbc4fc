package com.novaquant.execution.application;

/** The signal consumer, started only while this instance holds the trading lease. */
public interface SignalIntake {

    void start();

    void stop();

    boolean running();
}
