package com.novaquant.simulator.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in presets of symbols that trade on Binance spot and USD-M under the same name: start price, tick and step per
 * venue, minimum notionals, funding interval and a synthetic 24 h quote volume per venue. Ticks and steps are close to
 * Binance's; prices, volumes and intervals are plausible figures, not live ones. Some symbols are deliberately thin on a
 * venue (under 5 M USDT a day) so that a liquidity filter has something to drop, and some settle every 4 h.
 *
 * <p>{@link #UNIVERSE} names the whole set, so configuration can list {@code UNIVERSE} instead of every symbol.
 */
final class InstrumentPresets {

    /** The name that stands for every preset symbol in {@code nova.simulator.symbols}. */
    static final String UNIVERSE = "UNIVERSE";

    private static final BigDecimal SPOT_NOTIONAL_CAP = new BigDecimal("900000000");
    private static final BigDecimal SPOT_MARKET_NOTIONAL_CAP = new BigDecimal("90000000");
    private static final BigDecimal FUTURES_NOTIONAL_CAP = new BigDecimal("100000000");
    private static final BigDecimal FUTURES_MARKET_NOTIONAL_CAP = new BigDecimal("10000000");
    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    private static final Map<String, Preset> PRESETS = new LinkedHashMap<>();

    static {
        // Filters of BTCUSDT and ETHUSDT as the simulator always had them (close to Binance's).
        PRESETS.put("BTCUSDT", new Preset("64000", "0.01", "0.00001", "9000", "120", "5", "0.10", "0.001", "1000", "120",
                "100", null, "1500000000", "12000000000"));
        PRESETS.put("ETHUSDT", new Preset("3200", "0.01", "0.0001", "9000", "3000", "5", "0.01", "0.001", "10000", "2000",
                "20", null, "900000000", "7000000000"));
        put("BNBUSDT", "600", "0.01", "0.001", "0.01", "0.01", null, "250000000", "500000000");
        put("SOLUSDT", "150", "0.01", "0.001", "0.01", "1", null, "500000000", "3000000000");
        put("XRPUSDT", "2.2", "0.0001", "0.1", "0.0001", "0.1", null, "400000000", "2000000000");
        put("DOGEUSDT", "0.16", "0.00001", "1", "0.00001", "1", null, "250000000", "1500000000");
        put("ADAUSDT", "0.7", "0.0001", "0.1", "0.0001", "1", null, "80000000", "400000000");
        put("AVAXUSDT", "25", "0.01", "0.01", "0.001", "1", null, "50000000", "300000000");
        put("LINKUSDT", "15", "0.01", "0.01", "0.001", "0.01", null, "60000000", "300000000");
        put("DOTUSDT", "5", "0.001", "0.01", "0.001", "0.1", null, "30000000", "150000000");
        put("LTCUSDT", "85", "0.01", "0.001", "0.01", "0.001", null, "40000000", "250000000");
        put("TRXUSDT", "0.25", "0.0001", "0.1", "0.00001", "1", null, "60000000", "100000000");
        put("BCHUSDT", "400", "0.1", "0.001", "0.01", "0.001", null, "25000000", "200000000");
        put("NEARUSDT", "3", "0.001", "0.1", "0.001", "1", null, "30000000", "150000000");
        put("APTUSDT", "6", "0.001", "0.01", "0.0001", "0.1", FOUR_HOURS, "20000000", "120000000");
        put("ARBUSDT", "0.4", "0.0001", "0.1", "0.0001", "0.1", FOUR_HOURS, "30000000", "150000000");
        put("OPUSDT", "0.75", "0.0001", "0.01", "0.0001", "0.1", FOUR_HOURS, "20000000", "100000000");
        put("SUIUSDT", "3", "0.0001", "0.1", "0.0001", "0.1", FOUR_HOURS, "120000000", "800000000");
        put("INJUSDT", "13", "0.01", "0.01", "0.001", "0.1", null, "15000000", "80000000");
        put("FILUSDT", "2.8", "0.001", "0.01", "0.001", "0.1", null, "15000000", "7500000");
        put("ATOMUSDT", "4.5", "0.001", "0.01", "0.001", "0.01", null, "4200000", "24000000");
        put("AAVEUSDT", "250", "0.01", "0.001", "0.01", "0.1", null, "40000000", "300000000");
        put("UNIUSDT", "8", "0.001", "0.01", "0.001", "1", null, "20000000", "120000000");
        put("ETCUSDT", "18", "0.01", "0.01", "0.001", "0.01", null, "2800000", "9000000");
        put("TIAUSDT", "2.5", "0.001", "0.01", "0.0001", "1", FOUR_HOURS, "3500000", "18000000");
        put("WIFUSDT", "0.9", "0.0001", "0.01", "0.0001", "0.1", FOUR_HOURS, "4000000", "120000000");
    }

    private InstrumentPresets() {
    }

    /** Every preset symbol, in the order {@link #UNIVERSE} lists them. */
    static List<String> universe() {
        return List.copyOf(PRESETS.keySet());
    }

    static Optional<Preset> find(String symbol) {
        return Optional.ofNullable(PRESETS.get(symbol));
    }

    /** Any symbol without a preset: start price 100, ticks of 0.01, no reported volume. */
    static Preset generic() {
        return new Preset("100", "0.01", "0.001", "900000", "90000", "5", "0.01", "0.01", "1000000", "100000", "5",
                null, "0", "0");
    }

    /** A preset whose maximum quantities follow from its price; spot and USD-M minimum notional 5 USDT. */
    private static void put(String symbol, String start, String spotTick, String spotStep, String futTick,
                            String futStep, Duration interval, String spotVolume, String futuresVolume) {
        BigDecimal price = new BigDecimal(start);
        PRESETS.put(symbol, new Preset(start, spotTick, spotStep, maxQty(price, SPOT_NOTIONAL_CAP),
                maxQty(price, SPOT_MARKET_NOTIONAL_CAP), "5", futTick, futStep, maxQty(price, FUTURES_NOTIONAL_CAP),
                maxQty(price, FUTURES_MARKET_NOTIONAL_CAP), "5", interval, spotVolume, futuresVolume));
    }

    /** 9 x the power of ten that keeps {@code cap / price} in range: a whole number, so on every step of 1 or below. */
    private static String maxQty(BigDecimal price, BigDecimal cap) {
        int digits = cap.divide(price, java.math.MathContext.DECIMAL64).toBigInteger().toString().length() - 1;
        return BigDecimal.valueOf(9).scaleByPowerOfTen(Math.max(0, digits)).toPlainString();
    }

    /** One symbol's figures, as strings so the table reads as Binance publishes them; {@code interval} null: the default. */
    record Preset(String start, String spotTick, String spotStep, String spotMax, String spotMarketMax,
                  String spotNotional, String futTick, String futStep, String futMax, String futMarketMax,
                  String futNotional, Duration interval, String spotQuoteVolume, String futuresQuoteVolume) {
    }
}
