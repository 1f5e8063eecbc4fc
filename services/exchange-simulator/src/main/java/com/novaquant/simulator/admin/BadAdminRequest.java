package com.novaquant.simulator.admin;

/** A bad admin request (body or parameter); {@link AdminErrorHandler} answers it 400 {@code {"error":..}}. */
final class BadAdminRequest extends RuntimeException {

    BadAdminRequest(String message) {
        super(message);
    }
}
