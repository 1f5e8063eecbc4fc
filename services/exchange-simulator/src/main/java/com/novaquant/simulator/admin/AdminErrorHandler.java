package com.novaquant.simulator.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

import java.util.Map;

/**
 * Renders the admin controllers' refusals in the admin API's shape, {@code {"error":..}}: a bad request 400, one the
 * simulator's set-up cannot serve 409, a body or parameter that cannot be read 400. What no admin endpoint answers
 * (an unknown path, an unexpected fault) is the Binance adapter's fallback handler's, in the same shape.
 */
@RestControllerAdvice(basePackageClasses = AdminErrorHandler.class)
class AdminErrorHandler {

    @ExceptionHandler(BadAdminRequest.class)
    ResponseEntity<Map<String, Object>> bad(BadAdminRequest e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(ConflictingAdminRequest.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictingAdminRequest e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, Object>> unreadable(ServerWebInputException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "malformed body: " + e.getReason()));
    }
}
