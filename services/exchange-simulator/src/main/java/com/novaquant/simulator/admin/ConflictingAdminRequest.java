package com.novaquant.simulator.admin;

/**
 * An admin request this simulator's set-up cannot serve (e.g. the quote rate of a replay source);
 * {@link AdminErrorHandler} answers it 409 {@code {"error":..}}.
 */
final class ConflictingAdminRequest extends RuntimeException {

    ConflictingAdminRequest(String message) {
        super(message);
    }
}
