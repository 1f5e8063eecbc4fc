package com.novaquant.signal.application;

import com.novaquant.events.SignalSettings;

import java.time.Duration;

/**
 * Port: where the settings are shared between replicas, a log every replica reads in the same order (Kafka's
 * {@code nova.signal-settings}). Each record read from it is handed to {@link SharedSettings#offer} with its position.
 */
public interface SettingsJournal {

    /**
     * Returns once every record on the journal when it was called has been handed to {@link SharedSettings#offer}.
     *
     * @throws SettingsUnavailableException when the journal cannot be read within the timeout
     */
    void catchUp(Duration timeout);

    /**
     * Appends a record and returns its position once the journal has it for good (the broker acknowledged it).
     *
     * @throws SettingsUnavailableException when it is not acknowledged within the timeout or refused
     */
    long append(SignalSettings settings, Duration timeout);
}
