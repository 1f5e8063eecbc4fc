package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.orders.RejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders every failure of the Binance endpoints as Binance does: {@code {"code":..,"msg":..}}. What no endpoint
 * answers (an unknown path or method, an unexpected fault) is rendered by {@link FallbackErrorHandler}.
 */
@RestControllerAdvice(basePackageClasses = ApiErrorHandler.class)
class ApiErrorHandler {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() >= 0) {
            builder.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return builder.body(body(e.code(), e.getMessage()));
    }

    @ExceptionHandler(RejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(RejectedException e) {
        HttpStatus status = e.rejection().code() == -2015 || e.rejection().code() == -2014
                ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(body(e.rejection().code(), e.rejection().msg()));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, Object>> input(ServerWebInputException e) {
        if (e instanceof MissingRequestValueException missing) {
            return ResponseEntity.badRequest().body(body(-1102, ApiException.missing(missing.getName()).getMessage()));
        }
        return ResponseEntity.badRequest().body(body(-1102, "Malformed request: " + e.getReason()));
    }

    static Map<String, Object> body(int code, String msg) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code);
        out.put("msg", msg);
        return out;
    }
}
