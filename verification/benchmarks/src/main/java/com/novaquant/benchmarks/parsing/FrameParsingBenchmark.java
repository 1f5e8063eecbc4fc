package com.novaquant.benchmarks.parsing;

import com.novaquant.binance.stream.parse.BookTicker;
import com.novaquant.binance.stream.parse.BookTickerParser;
import com.novaquant.binance.stream.parse.CombinedFrameParser;
import com.novaquant.binance.stream.parse.FrameType;
import com.novaquant.binance.stream.parse.MarkPrice;
import com.novaquant.binance.stream.parse.MarkPriceParser;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.StreamTable;
import com.novaquant.binance.stream.parse.StreamType;
import com.novaquant.binance.stream.parse.SymbolTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Frames per second for Binance bookTicker and markPriceUpdate payloads: the hand-written byte scanner of
 * binance-streams (into scaled longs, and with the BigDecimals the publish boundary builds) next to Jackson 3
 * databind into a record of exact values, on the same frames in the same run. Each invocation parses one frame;
 * the frames cycle through 64 variants so prices, ids and lengths differ as on the wire.
 *
 * <p>Run: {@code java -jar verification/benchmarks/target/benchmarks.jar parsing -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseZGC", "--enable-native-access=ALL-UNNAMED"})
public class FrameParsingBenchmark {

    /** Spot bookTicker as Jackson binds it: exact decimals, every field. */
    public record SpotBookTicker(long u, String s, BigDecimal b, BigDecimal B, BigDecimal a, BigDecimal A) {
    }

    /** USD-M bookTicker as Jackson binds it. */
    public record UsdmBookTicker(String e, long u, long E, long T, String s, BigDecimal b, BigDecimal B, BigDecimal a,
                                 BigDecimal A) {
    }

    /** USD-M markPriceUpdate as Jackson binds it. */
    public record MarkPriceUpdate(String e, long E, String s, BigDecimal p, BigDecimal ap, BigDecimal i, BigDecimal P,
                                  BigDecimal r, long T) {
    }

    private static final int VARIANTS = 64;
    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    private final byte[][] spot = new byte[VARIANTS][];
    private final byte[][] usdm = new byte[VARIANTS][];
    private final byte[][] usdmCombined = new byte[VARIANTS][];
    private final byte[][] mark = new byte[VARIANTS][];
    private int next;

    private BookTickerParser spotParser;
    private BookTickerParser usdmParser;
    private MarkPriceParser markParser;
    private CombinedFrameParser combinedParser;
    private final BookTicker ticker = new BookTicker();
    private final MarkPrice markPrice = new MarkPrice();

    @Setup
    public void setUp() {
        SymbolTable symbols = new SymbolTable(List.of("BTCUSDT", "ETHUSDT"));
        spotParser = new BookTickerParser(symbols, false);
        usdmParser = new BookTickerParser(symbols, true);
        markParser = new MarkPriceParser(symbols);
        combinedParser = new CombinedFrameParser(new StreamTable(List.of(
                new StreamKey(0, "btcusdt@bookTicker", "BTCUSDT", StreamType.BOOK_TICKER),
                new StreamKey(1, "ethusdt@bookTicker", "ETHUSDT", StreamType.BOOK_TICKER))), symbols, true, 65536);
        for (int v = 0; v < VARIANTS; v++) {
            String symbol = v % 2 == 0 ? "BTCUSDT" : "ETHUSDT";
            String bid = (64250 + v) + "." + String.format("%02d", v) + "000000";
            String ask = (64250 + v) + "." + String.format("%02d", v + 1) + "000000";
            spot[v] = bytes("{\"u\":" + (5123456789L + v) + ",\"s\":\"" + symbol + "\",\"b\":\"" + bid + "\",\"B\":\"0."
                    + (412 + v) + "00000\",\"a\":\"" + ask + "\",\"A\":\"1.0" + v + "000000\"}");
            String usdmPayload = "{\"e\":\"bookTicker\",\"u\":" + (8812345678901L + v) + ",\"E\":" + (1772000000456L + v)
                    + ",\"T\":" + (1772000000452L + v) + ",\"s\":\"" + symbol + "\",\"b\":\"" + (64251 + v) + ".10\",\"B\":\"3."
                    + (400 + v) + "\",\"a\":\"" + (64251 + v) + ".20\",\"A\":\"0." + (870 + v) + "\"}";
            usdm[v] = bytes(usdmPayload);
            usdmCombined[v] = bytes("{\"stream\":\"" + symbol.toLowerCase() + "@bookTicker\",\"data\":" + usdmPayload + "}");
            mark[v] = bytes("{\"e\":\"markPriceUpdate\",\"E\":" + (1772003600000L + v) + ",\"s\":\"" + symbol
                    + "\",\"p\":\"" + (64260 + v) + ".53000000\",\"ap\":\"64258.90000000\",\"i\":\"" + (64231 + v)
                    + ".77812345\",\"P\":\"64240.11223344\",\"r\":\"0.000" + (10 + v) + "00\",\"T\":1772006400000}");
        }
        // The scanner must agree with Jackson on every frame before either is timed.
        for (int v = 0; v < VARIANTS; v++) {
            check(spotParser.parse(spot[v], 0, spot[v].length, ticker));
            SpotBookTicker bound = JACKSON.readValue(spot[v], SpotBookTicker.class);
            if (!bound.b().equals(ticker.bidPrice()) || !bound.A().equals(ticker.askQty())) {
                throw new IllegalStateException("scanner and Jackson disagree on " + new String(spot[v], StandardCharsets.US_ASCII));
            }
            check(markParser.parse(mark[v], 0, mark[v].length, markPrice));
            MarkPriceUpdate boundMark = JACKSON.readValue(mark[v], MarkPriceUpdate.class);
            if (!boundMark.r().equals(markPrice.fundingRate()) || boundMark.T() != markPrice.nextFundingTimeMs()) {
                throw new IllegalStateException("scanner and Jackson disagree on " + new String(mark[v], StandardCharsets.US_ASCII));
            }
            if (combinedParser.parse(usdmCombined[v], 0, usdmCombined[v].length) != FrameType.BOOK_TICKER) {
                throw new IllegalStateException("combined frame refused: " + combinedParser.rejection());
            }
        }
    }

    private static void check(ParseStatus status) {
        if (!status.ok()) {
            throw new IllegalStateException("benchmark frame refused: " + status);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (VARIANTS - 1);
        return i;
    }

    @Benchmark
    public long spotBookTickerScanner() {
        byte[] frame = spot[nextIndex()];
        spotParser.parse(frame, 0, frame.length, ticker);
        return ticker.bidPriceUnscaled() + ticker.askPriceUnscaled();
    }

    @Benchmark
    public void spotBookTickerScannerToBigDecimal(Blackhole bh) {
        byte[] frame = spot[nextIndex()];
        spotParser.parse(frame, 0, frame.length, ticker);
        bh.consume(ticker.bidPrice());
        bh.consume(ticker.bidQty());
        bh.consume(ticker.askPrice());
        bh.consume(ticker.askQty());
    }

    @Benchmark
    public SpotBookTicker spotBookTickerJacksonDatabind() {
        return JACKSON.readValue(spot[nextIndex()], SpotBookTicker.class);
    }

    @Benchmark
    public long usdmBookTickerScanner() {
        byte[] frame = usdm[nextIndex()];
        usdmParser.parse(frame, 0, frame.length, ticker);
        return ticker.bidPriceUnscaled() + ticker.eventTimeMs();
    }

    @Benchmark
    public UsdmBookTicker usdmBookTickerJacksonDatabind() {
        return JACKSON.readValue(usdm[nextIndex()], UsdmBookTicker.class);
    }

    /** What the service runs per frame: envelope, stream lookup, payload, symbol check. */
    @Benchmark
    public FrameType usdmCombinedFrameScanner() {
        byte[] frame = usdmCombined[nextIndex()];
        return combinedParser.parse(frame, 0, frame.length);
    }

    @Benchmark
    public long markPriceScanner() {
        byte[] frame = mark[nextIndex()];
        markParser.parse(frame, 0, frame.length, markPrice);
        return markPrice.markPriceUnscaled() + markPrice.nextFundingTimeMs();
    }

    @Benchmark
    public void markPriceScannerToBigDecimal(Blackhole bh) {
        byte[] frame = mark[nextIndex()];
        markParser.parse(frame, 0, frame.length, markPrice);
        bh.consume(markPrice.markPrice());
        bh.consume(markPrice.indexPrice());
        bh.consume(markPrice.fundingRate());
    }

    @Benchmark
    public MarkPriceUpdate markPriceJacksonDatabind() {
        return JACKSON.readValue(mark[nextIndex()], MarkPriceUpdate.class);
    }
}
