package com.novaquant.support.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import java.net.URI;
import java.util.Map;

import static com.novaquant.support.config.PropertyBinding.bindEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code nova.binance.*} as ingestion and execution bind it: production by default, each URL checked by name. */
class BinanceEndpointsTest {

    @Test
    void unsetTheyAreBinanceProduction() {
        BinanceEndpoints endpoints = bind(Map.of());

        assertThat(endpoints.spot().restUrl()).isEqualTo(URI.create("https://api.binance.com"));
        assertThat(endpoints.spot().wsUrl()).isEqualTo(URI.create("wss://stream.binance.com:9443"));
        assertThat(endpoints.futures().restUrl()).isEqualTo(URI.create("https://fapi.binance.com"));
        assertThat(endpoints.futures().wsUrl()).isEqualTo(URI.create("wss://fstream.binance.com"));
        assertThat(endpoints).isEqualTo(new BinanceEndpoints(null, null));
    }

    @Test
    void theSimulatorsBasesKeepTheirPathsAndAnUnsetOneStaysProduction() {
        BinanceEndpoints endpoints = bind(Map.of(
                "nova.binance.spot.rest-url", "http://exchange-simulator:8090/spot",
                "nova.binance.spot.ws-url", "ws://exchange-simulator:8090/spot",
                "nova.binance.futures.rest-url", "http://exchange-simulator:8090/futures/"));

        assertThat(endpoints.spot().restUrl()).hasToString("http://exchange-simulator:8090/spot");
        assertThat(endpoints.spot().wsUrl()).hasToString("ws://exchange-simulator:8090/spot");
        assertThat(endpoints.futures().restUrl()).hasToString("http://exchange-simulator:8090/futures/");
        assertThat(endpoints.futures().wsUrl()).isEqualTo(BinanceEndpoints.FUTURES_PRODUCTION.wsUrl());
    }

    @Test
    void theEnvironmentVariablesTheChartAndComposeSetBindToTheSameUrls() {
        Map<String, Object> environment = Map.of(
                "NOVA_BINANCE_SPOT_REST_URL", "http://sim:8090/spot",
                "NOVA_BINANCE_SPOT_WS_URL", "ws://sim:8090/spot",
                "NOVA_BINANCE_FUTURES_REST_URL", "https://testnet.binancefuture.com",
                "NOVA_BINANCE_FUTURES_WS_URL", "wss://fstream.binancefuture.com");
        BinanceEndpoints endpoints = bindEnvironment("nova.binance", BinanceEndpoints.class, environment);

        assertThat(endpoints.spot()).isEqualTo(new BinanceEndpoints.Endpoint(URI.create("http://sim:8090/spot"),
                URI.create("ws://sim:8090/spot")));
        assertThat(endpoints.futures()).isEqualTo(new BinanceEndpoints.Endpoint(
                URI.create("https://testnet.binancefuture.com"), URI.create("wss://fstream.binancefuture.com")));

        // Boot's own form of the variable (the dash dropped) binds too.
        assertThat(bindEnvironment("nova.binance", BinanceEndpoints.class,
                Map.of("NOVA_BINANCE_SPOT_RESTURL", "http://sim:8090/spot")).spot().restUrl())
                .hasToString("http://sim:8090/spot");
    }

    @Test
    void aRestUrlOfAnotherSchemeIsRefusedNamingThePropertyAndItsVariable() {
        InvalidConfigurationException refusal =
                refusal("nova.binance.spot.rest-url", "ws://exchange-simulator:8090/spot");

        assertThat(refusal).hasMessage(
                "nova.binance.spot.rest-url (NOVA_BINANCE_SPOT_REST_URL) must be a http:// or https:// URL with a"
                        + " host, was 'ws://exchange-simulator:8090/spot'");
        assertThat(refusal.action())
                .startsWith("Set NOVA_BINANCE_SPOT_REST_URL to the venue's REST base, e.g. https://api.binance.com");
    }

    @Test
    void aStreamUrlOfAnotherSchemeIsRefusedNamingTheProperty() {
        assertThat(refusal("nova.binance.futures.ws-url", "https://fstream.binance.com")).hasMessageStartingWith(
                "nova.binance.futures.ws-url (NOVA_BINANCE_FUTURES_WS_URL) must be a ws:// or wss:// URL with a host");
    }

    @Test
    void aUrlWithoutAHostIsRefused() {
        assertThat(refusal("nova.binance.futures.rest-url", "fapi.binance.com"))
                .hasMessageStartingWith("nova.binance.futures.rest-url (NOVA_BINANCE_FUTURES_REST_URL) must be a");
        assertThat(refusal("nova.binance.spot.ws-url", "ws://stream binance com"))
                .hasMessageContaining("nova.binance.spot.ws-url");
    }

    @Test
    void aUrlThatDoesNotParseFailsTheBindingOfItsProperty() {
        Throwable failure = catchThrowable(() -> bind(Map.of("nova.binance.spot.rest-url", "http://[::1")));

        assertThat(failure).isInstanceOfSatisfying(BindException.class,
                e -> assertThat(e.getName()).hasToString("nova.binance.spot.rest-url"));
    }

    private static BinanceEndpoints bind(Map<String, String> properties) {
        return PropertyBinding.bind("nova.binance", BinanceEndpoints.class, properties);
    }

    private static InvalidConfigurationException refusal(String property, String url) {
        return PropertyBinding.refusal("nova.binance", BinanceEndpoints.class, Map.of(property, url));
    }
}
