package com.novaquant.binance.rest;

import com.novaquant.binance.auth.TradingMode;
import com.novaquant.binance.terms.Venue;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the REST client needs besides credentials and metrics. Build it with {@link #builder}; defaults
 * are listed on each builder method.
 *
 * @param mode                 PAPER (default) or LIVE; checked with the URLs by
 *                             {@link com.novaquant.binance.auth.TradingModeGuard}
 * @param spotRestUrl          base URL, paths are appended ({@code <url>/api/v3/order}); e.g.
 *                             {@code https://api.binance.com} or {@code http://localhost:8090/spot}
 * @param futuresRestUrl       base URL ({@code <url>/fapi/v1/order}); e.g. {@code http://localhost:8090/futures}
 * @param connectTimeout       TCP connect timeout; a failure here is {@code NotSent(CONNECT_FAILED)}
 * @param responseTimeout      wait for the response after the request is written; expiry is {@code Unknown}
 * @param recvWindow           Binance {@code recvWindow}
 * @param timeSyncInterval     how often server time is re-read to track clock drift
 * @param timeSyncSamples      server-time requests per sync; the one with the shortest round trip is used
 * @param timeSyncMaxRoundTrip a sync whose best round trip is longer is not trusted (its error can be half of it)
 *                             unless it proves the offset held so far wrong
 * @param weightBudgetFraction share of exchangeInfo's REQUEST_WEIGHT and ORDERS limits this client may use
 *                             (other processes on the same IP share the weight)
 * @param readRetries          extra attempts for query/cancel/read calls after Unknown or connect failure
 * @param circuitOpenDuration  how long the per-venue circuit breaker stays open after transport failures
 */
public record BinanceClientConfig(
        TradingMode mode,
        URI spotRestUrl,
        URI futuresRestUrl,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration recvWindow,
        Duration timeSyncInterval,
        int timeSyncSamples,
        Duration timeSyncMaxRoundTrip,
        double weightBudgetFraction,
        int readRetries,
        Duration circuitOpenDuration) {

    public BinanceClientConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(spotRestUrl, "spotRestUrl");
        Objects.requireNonNull(futuresRestUrl, "futuresRestUrl");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(recvWindow, "recvWindow");
        requirePositive(timeSyncInterval, "timeSyncInterval");
        requirePositive(timeSyncMaxRoundTrip, "timeSyncMaxRoundTrip");
        if (timeSyncSamples < 1 || timeSyncSamples > 10) {
            throw new IllegalArgumentException("timeSyncSamples must be in 1..10, was " + timeSyncSamples);
        }
        requirePositive(circuitOpenDuration, "circuitOpenDuration");
        if (recvWindow.toMillis() > 60_000) {
            throw new IllegalArgumentException("recvWindow must be at most 60000 ms, was " + recvWindow.toMillis());
        }
        if (!(weightBudgetFraction > 0 && weightBudgetFraction <= 1)) {
            throw new IllegalArgumentException("weightBudgetFraction must be in (0, 1], was " + weightBudgetFraction);
        }
        if (readRetries < 0 || readRetries > 5) {
            throw new IllegalArgumentException("readRetries must be in 0..5, was " + readRetries);
        }
        spotRestUrl = stripTrailingSlash(spotRestUrl);
        futuresRestUrl = stripTrailingSlash(futuresRestUrl);
    }

    /** The base URL of a venue. */
    public URI restUrl(Venue venue) {
        return venue == Venue.SPOT ? spotRestUrl : futuresRestUrl;
    }

    public static Builder builder(TradingMode mode, URI spotRestUrl, URI futuresRestUrl) {
        return new Builder(mode, spotRestUrl, futuresRestUrl);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    private static URI stripTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    /** Builder with production-sensible defaults. */
    public static final class Builder {
        private final TradingMode mode;
        private final URI spotRestUrl;
        private final URI futuresRestUrl;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration responseTimeout = Duration.ofSeconds(10);
        private Duration recvWindow = Duration.ofSeconds(5);
        private Duration timeSyncInterval = Duration.ofSeconds(30);
        private int timeSyncSamples = 3;
        private Duration timeSyncMaxRoundTrip = Duration.ofSeconds(1);
        private double weightBudgetFraction = 0.8;
        private int readRetries = 2;
        private Duration circuitOpenDuration = Duration.ofSeconds(15);

        private Builder(TradingMode mode, URI spotRestUrl, URI futuresRestUrl) {
            this.mode = mode;
            this.spotRestUrl = spotRestUrl;
            this.futuresRestUrl = futuresRestUrl;
        }

        /** Default 2 s. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** Default 10 s (Binance's own engine timeout before -1007). */
        public Builder responseTimeout(Duration value) {
            this.responseTimeout = value;
            return this;
        }

        /** Default 5 s (Binance's default). */
        public Builder recvWindow(Duration value) {
            this.recvWindow = value;
            return this;
        }

        /** Default 30 s. */
        public Builder timeSyncInterval(Duration value) {
            this.timeSyncInterval = value;
            return this;
        }

        /** Default 3. */
        public Builder timeSyncSamples(int value) {
            this.timeSyncSamples = value;
            return this;
        }

        /** Default 1 s: an offset then errs by at most 0.5 s, inside Binance's 1 s allowance for a timestamp ahead. */
        public Builder timeSyncMaxRoundTrip(Duration value) {
            this.timeSyncMaxRoundTrip = value;
            return this;
        }

        /** Default 0.8. */
        public Builder weightBudgetFraction(double value) {
            this.weightBudgetFraction = value;
            return this;
        }

        /** Default 2. */
        public Builder readRetries(int value) {
            this.readRetries = value;
            return this;
        }

        /** Default 15 s. */
        public Builder circuitOpenDuration(Duration value) {
            this.circuitOpenDuration = value;
            return this;
        }

        public BinanceClientConfig build() {
            return new BinanceClientConfig(mode, spotRestUrl, futuresRestUrl, connectTimeout, responseTimeout,
                    recvWindow, timeSyncInterval, timeSyncSamples, timeSyncMaxRoundTrip, weightBudgetFraction,
                    readRetries, circuitOpenDuration);
        }
    }
}
