package com.novaquant.ingestion.adapter.binance.scan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server answering the scan's eight endpoints (and server time) with Binance-format bodies, under
 * {@code /spot} and {@code /futures} as the simulator serves them. The market: BTCUSDT and ETHUSDT on both venues
 * (ETHUSDT's funding adjusted to 4 h), XRPUSDT halted on spot ({@code BREAK}), DOGEUSDT on spot only, SOLUSDT and a
 * BTCUSDT quarterly contract on USD-M only. Each path can be made to fail, stall or answer other bytes.
 */
public final class BinanceScanServer implements AutoCloseable {

    /** One scripted answer. */
    public record Answer(int status, String body, Duration delay, Map<String, String> headers) {
        public static Answer ok(String body) {
            return new Answer(200, body, Duration.ZERO, Map.of());
        }
    }

    public static final String SPOT_EXCHANGE_INFO = """
            {"timezone":"UTC","serverTime":1772000000000,
             "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000}],
             "exchangeFilters":[],
             "symbols":[
              {"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","baseAssetPrecision":8,"quoteAsset":"USDT","quoteAssetPrecision":8,
               "orderTypes":["LIMIT","MARKET"],"isSpotTradingAllowed":true,"isMarginTradingAllowed":true,
               "filters":[{"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"}]},
              {"symbol":"ETHUSDT","status":"TRADING","baseAsset":"ETH","baseAssetPrecision":8,"quoteAsset":"USDT","quoteAssetPrecision":8,
               "orderTypes":["LIMIT","MARKET"],"filters":[]},
              {"symbol":"XRPUSDT","status":"BREAK","baseAsset":"XRP","baseAssetPrecision":8,"quoteAsset":"USDT","quoteAssetPrecision":8,
               "orderTypes":["LIMIT","MARKET"],"filters":[]},
              {"symbol":"DOGEUSDT","status":"TRADING","baseAsset":"DOGE","baseAssetPrecision":8,"quoteAsset":"USDT","quoteAssetPrecision":8,
               "orderTypes":["LIMIT","MARKET"],"filters":[]}]}""";

    public static final String USDM_EXCHANGE_INFO = """
            {"timezone":"UTC","serverTime":1772000000000,"futuresType":"U_MARGINED",
             "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":2400}],
             "exchangeFilters":[],"assets":[{"asset":"USDT","marginAvailable":true,"autoAssetExchange":"-10000"}],
             "symbols":[
              {"symbol":"BTCUSDT","pair":"BTCUSDT","contractType":"PERPETUAL","deliveryDate":4133404800000,"onboardDate":1569398400000,
               "status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT","marginAsset":"USDT","pricePrecision":2,"quantityPrecision":3,
               "filters":[{"filterType":"PRICE_FILTER","minPrice":"556.80","maxPrice":"4529764","tickSize":"0.10"}]},
              {"symbol":"ETHUSDT","pair":"ETHUSDT","contractType":"PERPETUAL","status":"TRADING","baseAsset":"ETH","quoteAsset":"USDT","marginAsset":"USDT","filters":[]},
              {"symbol":"XRPUSDT","pair":"XRPUSDT","contractType":"PERPETUAL","status":"TRADING","baseAsset":"XRP","quoteAsset":"USDT","marginAsset":"USDT","filters":[]},
              {"symbol":"SOLUSDT","pair":"SOLUSDT","contractType":"PERPETUAL","status":"TRADING","baseAsset":"SOL","quoteAsset":"USDT","marginAsset":"USDT","filters":[]},
              {"symbol":"BTCUSDT_260327","pair":"BTCUSDT","contractType":"CURRENT_QUARTER","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT","marginAsset":"USDT","filters":[]}]}""";

    public static final String PREMIUM_INDEX = """
            [{"symbol":"BTCUSDT","markPrice":"64260.53000000","indexPrice":"64231.77812345","estimatedSettlePrice":"64240.11223344",
              "lastFundingRate":"0.00010000","interestRate":"0.00010000","nextFundingTime":1772006400000,"time":1772003600000},
             {"symbol":"ETHUSDT","markPrice":"3400.10000000","indexPrice":"3399.80000000","estimatedSettlePrice":"3399.90000000",
              "lastFundingRate":"-0.00002500","interestRate":"0.00010000","nextFundingTime":1772006400000,"time":1772003600000},
             {"symbol":"XRPUSDT","markPrice":"0.52000000","indexPrice":"0.51990000","estimatedSettlePrice":"0.51995000",
              "lastFundingRate":"0.00005000","interestRate":"0.00010000","nextFundingTime":1772006400000,"time":1772003600000},
             {"symbol":"SOLUSDT","markPrice":"150.00000000","indexPrice":"150.01000000","estimatedSettlePrice":"150.00000000",
              "lastFundingRate":"0.00010000","interestRate":"0.00010000","nextFundingTime":1772006400000,"time":1772003600000},
             {"symbol":"BTCUSDT_260327","markPrice":"65100.00000000","indexPrice":"64231.77812345","estimatedSettlePrice":"64240.11223344",
              "lastFundingRate":"","interestRate":"","nextFundingTime":0,"time":1772003600000}]""";

    public static final String FUNDING_INFO = """
            [{"symbol":"ETHUSDT","adjustedFundingRateCap":"0.02000000","adjustedFundingRateFloor":"-0.02000000","fundingIntervalHours":4,"disclaimer":false}]""";

    public static final String SPOT_TICKER_24HR = "[" + String.join(",",
            spotTicker("BTCUSDT", "64250.01000000", "1523456789.12345678"),
            spotTicker("ETHUSDT", "3400.00000000", "823456789.00000000"),
            spotTicker("XRPUSDT", "0.52000000", "12345678.90000000"),
            spotTicker("DOGEUSDT", "0.15000000", "99999.00000000")) + "]";

    public static final String USDM_TICKER_24HR = "[" + String.join(",",
            usdmTicker("BTCUSDT", "64251.10", "9876543210.55"),
            usdmTicker("ETHUSDT", "3400.12", "4567890123.40"),
            usdmTicker("XRPUSDT", "0.5201", "345678901.00"),
            usdmTicker("SOLUSDT", "150.010", "1234567.00"),
            usdmTicker("BTCUSDT_260327", "65100.0", "1000.00")) + "]";

    public static final String SPOT_BOOK_TICKER = """
            [{"symbol":"BTCUSDT","bidPrice":"64250.01000000","bidQty":"0.41200000","askPrice":"64250.02000000","askQty":"1.03000000"},
             {"symbol":"ETHUSDT","bidPrice":"3400.00000000","bidQty":"12.50000000","askPrice":"3400.01000000","askQty":"8.00000000"},
             {"symbol":"XRPUSDT","bidPrice":"0.51990000","bidQty":"1000.00000000","askPrice":"0.52000000","askQty":"2000.00000000"},
             {"symbol":"DOGEUSDT","bidPrice":"0.14990000","bidQty":"5000.00000000","askPrice":"0.15000000","askQty":"7000.00000000"}]""";

    public static final String USDM_BOOK_TICKER = """
            [{"symbol":"BTCUSDT","bidPrice":"64251.10","bidQty":"3.412","askPrice":"64251.20","askQty":"0.870","time":1772000000452,"lastUpdateId":8812345678901},
             {"symbol":"ETHUSDT","bidPrice":"3400.12","bidQty":"40.000","askPrice":"3400.13","askQty":"22.500","time":1772000000452,"lastUpdateId":8812345678902},
             {"symbol":"XRPUSDT","bidPrice":"0.5200","bidQty":"90000.0","askPrice":"0.5201","askQty":"80000.0","time":1772000000452,"lastUpdateId":8812345678903},
             {"symbol":"SOLUSDT","bidPrice":"150.000","bidQty":"10","askPrice":"150.010","askQty":"12","time":1772000000452,"lastUpdateId":8812345678904},
             {"symbol":"BTCUSDT_260327","bidPrice":"65100.0","bidQty":"1.000","askPrice":"65100.1","askQty":"1.000","time":1772000000452,"lastUpdateId":8812345678905}]""";

    private static String spotTicker(String symbol, String last, String quoteVolume) {
        return "{\"symbol\":\"" + symbol + "\",\"priceChange\":\"0.00000000\",\"priceChangePercent\":\"0.000\","
                + "\"weightedAvgPrice\":\"" + last + "\",\"prevClosePrice\":\"" + last + "\",\"lastPrice\":\"" + last
                + "\",\"lastQty\":\"0.01000000\",\"bidPrice\":\"" + last + "\",\"bidQty\":\"1.00000000\",\"askPrice\":\""
                + last + "\",\"askQty\":\"1.00000000\",\"openPrice\":\"" + last + "\",\"highPrice\":\"" + last
                + "\",\"lowPrice\":\"" + last + "\",\"volume\":\"1000.00000000\",\"quoteVolume\":\"" + quoteVolume
                + "\",\"openTime\":1771913600000,\"closeTime\":1772000000000,\"firstId\":100,\"lastId\":200,\"count\":101}";
    }

    private static String usdmTicker(String symbol, String last, String quoteVolume) {
        return "{\"symbol\":\"" + symbol + "\",\"priceChange\":\"0\",\"priceChangePercent\":\"0.000\",\"weightedAvgPrice\":\""
                + last + "\",\"lastPrice\":\"" + last + "\",\"lastQty\":\"0.010\",\"openPrice\":\"" + last
                + "\",\"highPrice\":\"" + last + "\",\"lowPrice\":\"" + last + "\",\"volume\":\"1000\",\"quoteVolume\":\""
                + quoteVolume + "\",\"openTime\":1771913600000,\"closeTime\":1772000000000,\"firstId\":1,\"lastId\":2,\"count\":2}";
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int usedWeight = 42;

    public BinanceScanServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        reset();
        server.start();
    }

    /** Every path back to its Binance answer. */
    public void reset() {
        answers.clear();
        answers.put("/spot/api/v3/exchangeInfo", Answer.ok(SPOT_EXCHANGE_INFO));
        answers.put("/spot/api/v3/ticker/24hr", Answer.ok(SPOT_TICKER_24HR));
        answers.put("/spot/api/v3/ticker/bookTicker", Answer.ok(SPOT_BOOK_TICKER));
        answers.put("/futures/fapi/v1/exchangeInfo", Answer.ok(USDM_EXCHANGE_INFO));
        answers.put("/futures/fapi/v1/premiumIndex", Answer.ok(PREMIUM_INDEX));
        answers.put("/futures/fapi/v1/fundingInfo", Answer.ok(FUNDING_INFO));
        answers.put("/futures/fapi/v1/ticker/24hr", Answer.ok(USDM_TICKER_24HR));
        answers.put("/futures/fapi/v1/ticker/bookTicker", Answer.ok(USDM_BOOK_TICKER));
    }

    public void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    public void usedWeight(int weight) {
        this.usedWeight = weight;
    }

    /** Paths and queries requested so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public String spotBase() {
        return base() + "/spot";
    }

    public String futuresBase() {
        return base() + "/futures";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(query == null ? path : path + "?" + query);
        Answer answer = answers.get(path);
        if (path.endsWith("/api/v3/time") || path.endsWith("/fapi/v1/time")) {
            answer = Answer.ok("{\"serverTime\":" + System.currentTimeMillis() + "}");
        }
        if (answer == null) {
            answer = new Answer(404, "", Duration.ZERO, Map.of());
        }
        try {
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay().toMillis());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.getResponseHeaders().set("X-MBX-USED-WEIGHT-1M", Integer.toString(usedWeight));
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (a read time-out under test): nothing to answer.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
