package com.novaquant.execution.application;

/** A read from the exchange failed: the answer is unknown, which is never the same as empty or flat. */
public class VenueUnavailableException extends RuntimeException {

    public VenueUnavailableException(String message) {
        super(message);
    }

    public VenueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
