package com.novaquant.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the simulator can be told, under {@code nova.simulator}. README.md documents each
 * property with its default.
 *
 * @param source       market source: {@code synthetic}, {@code replay}, {@code live} or {@code history}
 * @param symbols      listed symbols (both venues)
 * @param seed         seed of the synthetic market
 * @param quoteRate    book updates per second per symbol and venue
 * @param bookLevels   levels per book side
 * @param clockSpeed   market time per wall time (drives the funding schedule)
 * @param fundingInterval default funding interval
 * @param instruments  per-symbol overrides of filters, start price and funding interval
 * @param account      the USD-M modes every paper account starts in
 * @param history      the history source: Binance's bulk files played at a chosen speed
 */
@ConfigurationProperties("nova.simulator")
public record SimulatorProperties(
        @DefaultValue("synthetic") String source,
        @DefaultValue({"BTCUSDT", "ETHUSDT"}) List<String> symbols,
        @DefaultValue("42") long seed,
        @DefaultValue("10") double quoteRate,
        @DefaultValue("10") int bookLevels,
        @DefaultValue("1") double clockSpeed,
        @DefaultValue("8h") Duration fundingInterval,
        @DefaultValue("20") int defaultLeverage,
        Map<String, InstrumentOverride> instruments,
        @DefaultValue List<Account> accounts,
        @DefaultValue AccountModes account,
        @DefaultValue Funding funding,
        @DefaultValue Fees fees,
        @DefaultValue Ws ws,
        @DefaultValue Limits limits,
        @DefaultValue Faults faults,
        @DefaultValue Replay replay,
        @DefaultValue Live live,
        @DefaultValue History history) {

    public SimulatorProperties {
        instruments = instruments == null ? Map.of() : instruments;
        if ("history".equals(source.toLowerCase(Locale.ROOT)) && history.dir() == null) {
            throw new IllegalArgumentException("nova.simulator.history.dir must be set for the history source: the root"
                    + " of a Binance bulk-file mirror, the folder holding data/ (./nq backtest demo writes one to"
                    + " tools/backtest/target/demo/data)");
        }
        if (accounts == null || accounts.isEmpty()) {
            accounts = List.of(new Account("nova-paper-key", "nova-paper-secret",
                    Map.of("USDT", new BigDecimal("100000")), new BigDecimal("100000")));
        }
    }

    /** A paper account. The secret is never logged. */
    public record Account(String apiKey, String secret, Map<String, BigDecimal> spotBalances, BigDecimal futuresWallet) {

        public Account {
            spotBalances = spotBalances == null || spotBalances.isEmpty()
                    ? Map.of("USDT", new BigDecimal("100000")) : spotBalances;
            futuresWallet = futuresWallet == null ? new BigDecimal("100000") : futuresWallet;
        }

        @Override
        public String toString() {
            return "Account[apiKey=" + apiKey + ", secret=****, spotBalances=" + spotBalances
                    + ", futuresWallet=" + futuresWallet + "]";
        }
    }

    /**
     * The USD-M modes every paper account starts in (Binance's defaults: One-way, Single-Asset); the Binance endpoints
     * change them per account at run time.
     *
     * @param dualSidePosition  true: Hedge Mode
     * @param multiAssetsMargin true: Multi-Assets Mode
     */
    public record AccountModes(@DefaultValue("false") boolean dualSidePosition,
                               @DefaultValue("false") boolean multiAssetsMargin) {
    }

    /** Overrides for one symbol; unset fields keep the built-in preset. */
    public record InstrumentOverride(BigDecimal startPrice, BigDecimal spotTickSize, BigDecimal spotStepSize,
                                     BigDecimal spotMinNotional, BigDecimal futuresTickSize,
                                     BigDecimal futuresStepSize, BigDecimal futuresMinNotional,
                                     Duration fundingInterval, BigDecimal spotQuoteVolume,
                                     BigDecimal futuresQuoteVolume) {
    }

    /**
     * The synthetic funding regimes, in market time since start. A positive {@code rotationPeriod} replaces the spike
     * and negative regimes with rotating funding (each symbol on its own phase; rates per 8 h).
     */
    public record Funding(@DefaultValue("0.0001") BigDecimal baseRate,
                          @DefaultValue("30s") Duration spikeStart,
                          @DefaultValue("10m") Duration spikeDuration,
                          @DefaultValue("0.0015") BigDecimal spikeRate,
                          @DefaultValue("2h") Duration negativeStart,
                          @DefaultValue("1h") Duration negativeDuration,
                          @DefaultValue("-0.0003") BigDecimal negativeRate,
                          @DefaultValue("0s") Duration spikeEvery,
                          @DefaultValue("0s") Duration spikeStagger,
                          @DefaultValue("0s") Duration rotationPeriod,
                          @DefaultValue("0.0006") BigDecimal rotationPeakRate,
                          @DefaultValue("-0.00005") BigDecimal rotationTroughRate,
                          @DefaultValue("3") int rotationNegativeSymbols,
                          @DefaultValue("-0.0002") BigDecimal rotationNegativeRate) {

        public boolean rotating() {
            return rotationPeriod.isPositive();
        }
    }

    /**
     * Commission rates, and Binance's BNB burn on spot: when on, an account holding enough BNB pays spot commission
     * in BNB at 75 % of the rate, converted at {@code bnbPriceUsdt} (USDT-quoted symbols only).
     */
    public record Fees(@DefaultValue("0.001") BigDecimal spotMaker,
                       @DefaultValue("0.001") BigDecimal spotTaker,
                       @DefaultValue("0.0002") BigDecimal futuresMaker,
                       @DefaultValue("0.0005") BigDecimal futuresTaker,
                       @DefaultValue("false") boolean spotBnbBurn,
                       @DefaultValue("600") BigDecimal bnbPriceUsdt) {
    }

    /**
     * WebSocket connection rules (docs/binance-protocol.md, "Spot stream connection rules" and "USD-M routes and
     * connection rules").
     */
    public record Ws(@DefaultValue("20s") Duration spotPingInterval,
                     @DefaultValue("3m") Duration futuresPingInterval,
                     @DefaultValue("60s") Duration spotPongTimeout,
                     @DefaultValue("10m") Duration futuresPongTimeout,
                     @DefaultValue("5") int spotMaxIncomingPerSecond,
                     @DefaultValue("10") int futuresMaxIncomingPerSecond,
                     @DefaultValue("1024") int maxStreams,
                     @DefaultValue("24h") Duration maxConnectionAge,
                     @DefaultValue("65536") int outboundBuffer,
                     @DefaultValue("60m") Duration listenKeyValidity) {
    }

    /** REST request-weight limits and the automatic ban. */
    public record Limits(@DefaultValue("6000") int spotWeightPerMinute,
                         @DefaultValue("2400") int futuresWeightPerMinute,
                         @DefaultValue("5") int banAfter429s,
                         @DefaultValue("2m") Duration banDuration,
                         @DefaultValue("60000") long maxRecvWindow) {
    }

    /** Fault-injection tuning. */
    public record Faults(@DefaultValue("30s") Duration timeoutHold) {
    }

    /** The replay source. */
    public record Replay(Path file, @DefaultValue("1") double speed, @DefaultValue("false") boolean loop) {
    }

    /**
     * Market time per wall time. The history source's own speed, in history minutes per wall second, sets it for
     * that source ({@code clockSpeed} does not apply there).
     */
    public double marketClockSpeed() {
        return "history".equals(source.toLowerCase(Locale.ROOT)) ? history.speed() * 60 : clockSpeed;
    }

    /**
     * The history source: the 1-minute klines and settled funding rates of Binance's bulk files (the backtest's
     * mirror), played at {@code speed}.
     *
     * @param dir        the mirror's root, the folder holding {@code data/}
     * @param from       first month played; null: the first month the mirror holds for the symbols
     * @param to         last month played (inclusive); null: the last month the mirror holds for the symbols
     * @param symbols    symbols played; empty: every listed symbol the mirror holds
     * @param speed      history minutes per wall second
     * @param halfSpread the books' best bid and ask lie this fraction below and above the minute's close
     * @param loop       start again from the first minute at the end, instead of staying at the last state
     */
    public record History(Path dir, YearMonth from, YearMonth to, List<String> symbols,
                          @DefaultValue("60") double speed,
                          @DefaultValue("0.0001") BigDecimal halfSpread,
                          @DefaultValue("false") boolean loop) {

        public History {
            symbols = symbols == null ? List.of() : symbols.stream()
                    .map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("nova.simulator.history.speed must be above 0 (history minutes per"
                        + " wall second), was " + speed);
            }
            if (halfSpread.signum() < 0 || halfSpread.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("nova.simulator.history.half-spread must be a fraction from 0 up to"
                        + " (not including) 1, was " + halfSpread);
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("nova.simulator.history.from (" + from + ") is after to (" + to + ")");
            }
        }
    }

    /** The live source: Binance's public stream roots. */
    public record Live(@DefaultValue("wss://stream.binance.com:9443") String spotUrl,
                       @DefaultValue("wss://fstream.binance.com") String futuresUrl) {
    }
}
