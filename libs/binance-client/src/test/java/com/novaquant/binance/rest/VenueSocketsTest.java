package com.novaquant.binance.rest;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VenueSocketsTest {

    @Test
    void venueSocketsUseTcpKeepaliveSoTheHostsKeepaliveTuningAppliesToThem() {
        ConnectionProvider connections = ConnectionProvider.newConnection();
        HttpClient http = BinanceRestClient.httpClient(connections, Duration.ofSeconds(3));

        java.util.Map<Object, Object> options = new java.util.HashMap<>(http.configuration().options());
        assertThat(options)
                .containsEntry(ChannelOption.SO_KEEPALIVE, true)
                .containsEntry(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000);
        connections.dispose();
    }
}
