package com.novaquant.binance.auth;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses configurations that could trade real money by accident.
 *
 * <p>PAPER: no REST URL may point at a Binance production host (api.binance.com, api1-4, api-gcp, fapi, any other
 * {@code *.binance.com} or binance.us host) — only the simulator, loopback, or Binance's testnet/demo hosts
 * ({@code testnet.binance.vision}, {@code demo-api.binance.com}, {@code demo-fapi.binance.com},
 * {@code testnet.binancefuture.com}). LIVE: must be chosen explicitly and needs a non-blank key and secret.
 */
public final class TradingModeGuard {

    /** Binance hosts that trade real money, named for the error message; the suffix rule below covers the rest. */
    public static final Set<String> PRODUCTION_HOSTS = Set.of(
            "api.binance.com", "api1.binance.com", "api2.binance.com", "api3.binance.com", "api4.binance.com",
            "api-gcp.binance.com", "fapi.binance.com", "dapi.binance.com", "eapi.binance.com", "papi.binance.com",
            "api.binance.us");

    private TradingModeGuard() {
    }

    /**
     * @throws UnsafeTradingConfigurationException when the combination is unsafe, with the reason
     */
    public static void validate(TradingMode mode, Credentials credentials, URI... restUrls) {
        if (mode == null) {
            throw new UnsafeTradingConfigurationException("trading mode must be set (paper or live)");
        }
        validateUrls(restUrls);
        for (URI url : restUrls) {
            if (mode == TradingMode.PAPER && isProductionHost(url.getHost())) {
                throw new UnsafeTradingConfigurationException("nova.trading.mode=paper but REST URL " + url
                        + " is a Binance production host; point it at the exchange simulator or a Binance testnet,"
                        + " or choose nova.trading.mode=live explicitly");
            }
        }
        if (mode == TradingMode.LIVE && (credentials == null || !credentials.isComplete())) {
            throw new UnsafeTradingConfigurationException(
                    "nova.trading.mode=live needs a non-blank BINANCE_API_KEY and BINANCE_SECRET");
        }
    }

    /**
     * The checks every client needs, trading or not: each REST URL is http(s) with a host.
     *
     * @throws UnsafeTradingConfigurationException naming the first URL that is not
     */
    public static void validateUrls(URI... restUrls) {
        for (URI url : restUrls) {
            if (url == null || url.getHost() == null) {
                throw new UnsafeTradingConfigurationException("REST URL has no host: " + url);
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new UnsafeTradingConfigurationException("REST URL must be http(s): " + url);
            }
        }
    }

    /** True for hosts that trade real money on Binance (testnet and demo hosts are not). */
    public static boolean isProductionHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (PRODUCTION_HOSTS.contains(h)) {
            return true;
        }
        boolean binanceDomain = h.equals("binance.com") || h.endsWith(".binance.com")
                || h.equals("binance.us") || h.endsWith(".binance.us");
        if (!binanceDomain) {
            return false;
        }
        String firstLabel = h.substring(0, h.indexOf('.') < 0 ? h.length() : h.indexOf('.'));
        boolean sandbox = firstLabel.startsWith("demo-") || firstLabel.equals("testnet")
                || h.contains(".testnet.");
        return !sandbox;
    }
}
