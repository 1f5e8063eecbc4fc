package com.novaquant.binance.rest;

import com.novaquant.binance.auth.Credentials;
import com.novaquant.binance.auth.TradingMode;
import com.novaquant.binance.testserver.FakeBinance;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Builds clients against loopback servers with short timeouts. */
final class Clients {

    static final Credentials CREDENTIALS = Credentials.of(FakeBinance.API_KEY, FakeBinance.SECRET);

    private Clients() {
    }

    static BinanceRestClient against(FakeBinance server, MeterRegistry registry) {
        return against(server.spotUrl(), server.futuresUrl(), CREDENTIALS, registry, b -> b);
    }

    static BinanceRestClient against(URI spot, URI futures, Credentials credentials, MeterRegistry registry,
                                     UnaryOperator<BinanceClientConfig.Builder> tweak) {
        return against(spot, futures, credentials, registry, tweak, Instant::now);
    }

    static BinanceRestClient against(URI spot, URI futures, Credentials credentials, MeterRegistry registry,
                                     UnaryOperator<BinanceClientConfig.Builder> tweak, Supplier<Instant> clock) {
        BinanceClientConfig.Builder builder = BinanceClientConfig.builder(TradingMode.PAPER, spot, futures)
                .connectTimeout(Duration.ofSeconds(2))
                // Generous: the first request of a JVM pays for Netty's start-up on a busy 2-core machine.
                .responseTimeout(Duration.ofSeconds(15))
                // Binance's maximum, so that a request delayed by a loaded CI machine is not refused -1021.
                .recvWindow(Duration.ofSeconds(60))
                .readRetries(1);
        return BinanceRestClient.create(tweak.apply(builder).build(), credentials, registry, clock);
    }
}
