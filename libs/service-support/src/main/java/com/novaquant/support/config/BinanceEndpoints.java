package com.novaquant.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Where the desk reaches Binance ({@code nova.binance.spot.*}, {@code nova.binance.futures.*}; docs/design.md,
 * "Configuration contract"), for every service that does (ingestion's feeds, clock sync and market scan; execution's
 * orders, account and own book tickers). Pointing them at the exchange simulator or a testnet is all it takes to
 * change venue. A URL left unset is Binance production's, on purpose: execution started in {@code paper} mode and not
 * pointed elsewhere fails instead of trading real money. Credentials are never configured here.
 *
 * @param spot    spot REST and stream bases
 * @param futures USD-M REST and stream bases
 * @throws InvalidConfigurationException naming the property whose URL has the wrong scheme or no host name (a URL
 *                                       that does not parse at all fails the binding of that property)
 */
@ConfigurationProperties("nova.binance")
public record BinanceEndpoints(Endpoint spot, Endpoint futures) {

    /** Binance production, spot: REST, and the stream base the client appends {@code /stream?streams=...} to. */
    public static final Endpoint SPOT_PRODUCTION =
            new Endpoint(URI.create("https://api.binance.com"), URI.create("wss://stream.binance.com:9443"));
    /**
     * Binance production, USD-M: REST, and the stream base the client appends {@code /public/stream?streams=...}
     * (book tickers) and {@code /market/stream?streams=...} (mark price, funding) to.
     */
    public static final Endpoint FUTURES_PRODUCTION =
            new Endpoint(URI.create("https://fapi.binance.com"), URI.create("wss://fstream.binance.com"));

    private static final Set<String> REST_SCHEMES = Set.of("http", "https");
    private static final Set<String> STREAM_SCHEMES = Set.of("ws", "wss");

    public BinanceEndpoints {
        spot = checked("spot", spot, SPOT_PRODUCTION);
        futures = checked("futures", futures, FUTURES_PRODUCTION);
    }

    /**
     * One venue's bases; either may carry a path (the simulator's {@code http://host:8090/spot}).
     *
     * @param restUrl REST base, {@code http} or {@code https}
     * @param wsUrl   WebSocket stream base, {@code ws} or {@code wss}
     */
    public record Endpoint(URI restUrl, URI wsUrl) {
    }

    private static Endpoint checked(String venue, Endpoint given, Endpoint production) {
        URI rest = given == null || given.restUrl() == null ? production.restUrl() : given.restUrl();
        URI ws = given == null || given.wsUrl() == null ? production.wsUrl() : given.wsUrl();
        check(venue, "rest-url", rest, REST_SCHEMES, "REST base", production.restUrl());
        check(venue, "ws-url", ws, STREAM_SCHEMES, "stream base", production.wsUrl());
        return new Endpoint(rest, ws);
    }

    private static void check(String venue, String key, URI url, Set<String> schemes, String what, URI example) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (schemes.contains(scheme) && url.getHost() != null) {
            return;
        }
        String property = "nova.binance." + venue + "." + key;
        String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        throw new InvalidConfigurationException(property + " (" + variable + ") must be a "
                + String.join(" or ", schemes.stream().sorted().map(s -> s + "://").toList())
                + " URL with a host, was '" + url + "'",
                "Set " + variable + " to the venue's " + what + ", e.g. " + example + " (Binance production) or the"
                        + " exchange simulator's.");
    }
}
