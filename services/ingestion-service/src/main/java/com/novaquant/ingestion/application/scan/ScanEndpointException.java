package com.novaquant.ingestion.application.scan;

/** An endpoint that did not answer usably (transport error, time-out, HTTP error, a body that is not the list). */
public final class ScanEndpointException extends RuntimeException {

    private final ScanEndpoint endpoint;
    private final long retryAfterSeconds;

    public ScanEndpointException(ScanEndpoint endpoint, String reason) {
        this(endpoint, reason, 0, null);
    }

    public ScanEndpointException(ScanEndpoint endpoint, String reason, Throwable cause) {
        this(endpoint, reason, 0, cause);
    }

    /** @param retryAfterSeconds how long the venue asked us to stay away (HTTP 429 or 418), 0 when it did not */
    public ScanEndpointException(ScanEndpoint endpoint, String reason, long retryAfterSeconds, Throwable cause) {
        super(endpoint.label() + ": " + reason, cause);
        this.endpoint = endpoint;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ScanEndpoint endpoint() {
        return endpoint;
    }
}
