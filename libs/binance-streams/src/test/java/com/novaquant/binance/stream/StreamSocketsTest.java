package com.novaquant.binance.stream;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StreamSocketsTest {

    @Test
    void streamSocketsUseTcpKeepaliveAndNoDelay() {
        HttpClient http = StreamConnection.httpClient(Duration.ofSeconds(5));

        java.util.Map<Object, Object> options = new java.util.HashMap<>(http.configuration().options());
        assertThat(options)
                .containsEntry(ChannelOption.SO_KEEPALIVE, true)
                .containsEntry(ChannelOption.TCP_NODELAY, true)
                .containsEntry(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000);
    }
}
