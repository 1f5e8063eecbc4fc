package com.novaquant.execution.adapter.binance;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Execution's two Binance time-outs keep their keys and defaults beside the shared endpoints. */
class BinanceTimeoutsTest {

    @Test
    void unsetTheyAreTwelveAndTenSeconds() {
        BinanceTimeouts timeouts = bind(Map.of("nova.binance.spot.rest-url", "http://sim:8090/spot"));

        assertThat(timeouts.callTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(timeouts.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theirKeysAreNovaBinanceCallTimeoutAndResponseTimeout() {
        BinanceTimeouts timeouts = bind(Map.of("nova.binance.call-timeout", "5s",
                "nova.binance.response-timeout", "3s"));

        assertThat(timeouts.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timeouts.responseTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    private static BinanceTimeouts bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("nova.binance",
                BinanceTimeouts.class);
    }
}
