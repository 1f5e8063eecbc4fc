package com.novaquant.simulator.adapter.web;

import org.springframework.http.HttpStatus;

/** A Binance error answer: HTTP status, {@code {"code","msg"}} body and optional Retry-After seconds. */
final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final int code;
    private final long retryAfterSeconds;

    ApiException(HttpStatus status, int code, String msg) {
        this(status, code, msg, -1);
    }

    ApiException(HttpStatus status, int code, String msg, long retryAfterSeconds) {
        super(msg, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    HttpStatus status() {
        return status;
    }

    int code() {
        return code;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static ApiException badRequest(int code, String msg) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, msg);
    }

    static ApiException missing(String name) {
        return badRequest(-1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }
}
