package com.novaquant.signal.application;

/** The shared settings could not be read or written in time: nothing changed here. */
public final class SettingsUnavailableException extends RuntimeException {

    public SettingsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
