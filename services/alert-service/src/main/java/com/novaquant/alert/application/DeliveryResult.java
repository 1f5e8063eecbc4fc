package com.novaquant.alert.application;

import java.time.Duration;

/** What a channel made of one delivery attempt. */
public sealed interface DeliveryResult {

    /** Every recipient has the message. */
    record Delivered() implements DeliveryResult {
    }

    /**
     * Not (fully) delivered; try again, unchanged, no sooner than {@code notBefore} from now. Recipients that already
     * have it are not sent it again.
     */
    record RetryLater(Duration notBefore, FailureKind kind) implements DeliveryResult {
    }

    /** Why a channel could not deliver, as counted in {@code nova_alert_telegram_errors_total{kind}}. */
    enum FailureKind {
        /** 429 Too Many Requests: wait {@code retry_after}. */
        RATE_LIMITED("rate_limited"),
        /** 5xx. */
        SERVER_ERROR("server_error"),
        /** No answer within the request timeout (the message may or may not have arrived). */
        TIMEOUT("timeout"),
        /** Connection refused, reset, DNS... */
        NETWORK("network"),
        /** 401/404: the token is wrong. Alerts wait until it is fixed. */
        UNAUTHORIZED("unauthorized"),
        /** Any other answer we did not expect. */
        UNEXPECTED("unexpected");

        private final String tag;

        FailureKind(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}
