package com.novaquant.ingestion.adapter.binance.scan;

import com.novaquant.ingestion.application.scan.EndpointReply;
import com.novaquant.ingestion.application.scan.MarketScanSource;
import com.novaquant.ingestion.application.scan.ScanEndpoint;
import com.novaquant.ingestion.application.scan.ScanEndpointException;
import com.novaquant.ingestion.application.scan.ScanRows.Book;
import com.novaquant.ingestion.application.scan.ScanRows.Funding;
import com.novaquant.ingestion.application.scan.ScanRows.FundingInterval;
import com.novaquant.ingestion.application.scan.ScanRows.Listing;
import com.novaquant.ingestion.application.scan.ScanRows.Volume;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The scan's reads from Binance's public REST APIs, every one without a symbol (all markets in one answer), unsigned
 * and keyless. Each call has a connect time-out and a read time-out (the longest silence while the answer arrives),
 * and the whole call is bounded too. Anything but a 2xx with a body of the documented shape fails the endpoint
 * ({@link ScanEndpointException}), with Binance's {@code code}/{@code msg} and, on 429 and 418, its
 * {@code Retry-After}. {@code X-MBX-USED-WEIGHT-1M} of every answer goes back to the scan.
 * <p>
 * Not through binance-client: its client has no market-wide reads (all-symbol tickers, premium index) and keeps the
 * used-weight header to itself, which the scan needs to decide whether to go on.
 */
public final class BinanceMarketScanSource implements MarketScanSource, AutoCloseable {

    static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** A body is kept for an error message only this far. */
    private static final int ERROR_EXCERPT = 200;

    private final Map<ScanEndpoint, String> urls = new EnumMap<>(ScanEndpoint.class);
    private final ConnectionProvider connections;
    private final HttpClient http;
    private final Duration callTimeout;

    /**
     * @param readTimeout longest wait for the next bytes of an answer; the whole call may take at most three times
     *                    this (spot's exchangeInfo is several megabytes)
     */
    public BinanceMarketScanSource(String spotRestUrl, String futuresRestUrl, Duration connectTimeout,
                                   Duration readTimeout) {
        String spot = trim(spotRestUrl);
        String futures = trim(futuresRestUrl);
        urls.put(ScanEndpoint.SPOT_BOOK_TICKER, spot + "/api/v3/ticker/bookTicker");
        // Permission sets are most of spot exchangeInfo's size and of no use here.
        urls.put(ScanEndpoint.SPOT_EXCHANGE_INFO, spot + "/api/v3/exchangeInfo?showPermissionSets=false");
        urls.put(ScanEndpoint.SPOT_TICKER_24HR, spot + "/api/v3/ticker/24hr");
        urls.put(ScanEndpoint.USDM_FUNDING_INFO, futures + "/fapi/v1/fundingInfo");
        urls.put(ScanEndpoint.USDM_EXCHANGE_INFO, futures + "/fapi/v1/exchangeInfo");
        urls.put(ScanEndpoint.USDM_BOOK_TICKER, futures + "/fapi/v1/ticker/bookTicker");
        urls.put(ScanEndpoint.USDM_PREMIUM_INDEX, futures + "/fapi/v1/premiumIndex");
        urls.put(ScanEndpoint.USDM_TICKER_24HR, futures + "/fapi/v1/ticker/24hr");
        this.connections = ConnectionProvider.builder("market-scan").maxConnections(4)
                .maxIdleTime(Duration.ofSeconds(20)).build();
        this.http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .responseTimeout(readTimeout)
                .followRedirect(false)
                .disableRetry(true);
        this.callTimeout = connectTimeout.plus(readTimeout.multipliedBy(3));
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public EndpointReply<Listing> listings(ScanEndpoint endpoint) {
        return call(endpoint, ScanJson::listings);
    }

    @Override
    public EndpointReply<Book> books(ScanEndpoint endpoint) {
        return call(endpoint, ScanJson::books);
    }

    @Override
    public EndpointReply<Volume> volumes(ScanEndpoint endpoint) {
        return call(endpoint, ScanJson::volumes);
    }

    @Override
    public EndpointReply<Funding> fundings() {
        return call(ScanEndpoint.USDM_PREMIUM_INDEX, ScanJson::fundings);
    }

    @Override
    public EndpointReply<FundingInterval> fundingIntervals() {
        return call(ScanEndpoint.USDM_FUNDING_INFO, ScanJson::fundingIntervals);
    }

    private record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    private <T> EndpointReply<T> call(ScanEndpoint endpoint, Function<JsonNode, ScanJson.Rows<T>> parse) {
        Answer answer;
        try {
            answer = http.get().uri(urls.get(endpoint))
                    .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
                            .map(bytes -> new Answer(response.status().code(), response.responseHeaders(), bytes)))
                    .switchIfEmpty(Mono.error(new IllegalStateException("no answer")))
                    .block(callTimeout);
        } catch (RuntimeException e) {
            throw new ScanEndpointException(endpoint, describe(e), e);
        }
        if (answer == null) {
            throw new ScanEndpointException(endpoint, "no answer");
        }
        if (answer.status() / 100 != 2) {
            long retryAfter = answer.status() == 429 || answer.status() == 418
                    ? retryAfterSeconds(answer.headers()) : 0;
            throw new ScanEndpointException(endpoint, "HTTP " + answer.status() + " " + excerpt(answer.body()),
                    retryAfter, null);
        }
        ScanJson.Rows<T> rows;
        try {
            rows = parse.apply(JSON.readTree(answer.body()));
        } catch (RuntimeException e) {
            throw new ScanEndpointException(endpoint, "unreadable answer: " + firstLine(e.getMessage()), e);
        }
        return new EndpointReply<>(rows.rows(), rows.unreadable(), usedWeight(answer.headers()));
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof io.netty.handler.timeout.ReadTimeoutException
                || e.getMessage() != null && e.getMessage().startsWith("Timeout on blocking read")) {
            return "read time-out";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= ERROR_EXCERPT ? text : text.substring(0, ERROR_EXCERPT) + "...";
    }

    static int usedWeight(HttpHeaders headers) {
        String value = headers.get(USED_WEIGHT_HEADER);
        if (value == null) {
            return -1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Binance's Retry-After is in seconds; without one, a minute (binance-client's default after a 429). */
    private static long retryAfterSeconds(HttpHeaders headers) {
        String value = headers.get("Retry-After");
        try {
            return value == null ? 60 : Math.max(1, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
