package com.novaquant.ingestion;

import com.novaquant.events.Alert;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.FeedGate;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.ingestion.FakeBinance.Book;
import com.novaquant.ingestion.FakeBinance.Mark;
import com.novaquant.ingestion.FakeBinance.Route;
import com.novaquant.testsupport.Http;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestionPipelineIT extends FeedTestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);

    /** Actuator (health, readiness, prometheus) answers on the management port only. */
    @LocalManagementPort
    int port;

    @BeforeEach
    void healthyFeed() {
        BINANCE.reset();
        awaitReady();
    }

    @AfterEach
    void restore() {
        BINANCE.reset();
    }

    void awaitReady() {
        await().atMost(WAIT).until(() -> Http.get(url("/actuator/health/readiness")).status() == 200);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void spotAndFuturesQuotesArriveKeyedBySymbolWithExactValuesAndTimestamps() {
        try (TopicProbe<Quote> quotes = new TopicProbe<>(Topics.QUOTES, Quote.class)) {
            long before = EpochMicros.now();
            BINANCE.spotBook("ETHUSDT", new Book("3150.01000000", "0.41200000", "3150.02000000", "1.03000000"));
            BINANCE.usdmBook("ETHUSDT", new Book("3151.10", "3.412", "3151.20", "0.870"));

            Quote spot = quotes.first(q -> q.event().venue() == Venue.SPOT && q.event().bidPrice().compareTo(new BigDecimal("3150.01")) == 0, WAIT)
                    .map(q -> {
                        assertThat(q.key()).isEqualTo("ETHUSDT");
                        return q.event();
                    }).orElseThrow();
            assertThat(spot.symbol()).isEqualTo("ETHUSDT");
            assertThat(spot.bidPrice()).isEqualTo(new BigDecimal("3150.01000000"));
            assertThat(spot.bidQty()).isEqualTo(new BigDecimal("0.41200000"));
            assertThat(spot.askPrice()).isEqualTo(new BigDecimal("3150.02000000"));
            assertThat(spot.askQty()).isEqualTo(new BigDecimal("1.03000000"));
            assertThat(spot.exchangeTimeMs()).as("spot bookTicker has no event time").isZero();
            assertThat(spot.updateId()).isPositive();
            assertThat(spot.receivedAtMicros()).isBetween(before, EpochMicros.now());

            Quote usdm = quotes.first(q -> q.event().venue() == Venue.USDM && q.event().askPrice().compareTo(new BigDecimal("3151.20")) == 0, WAIT)
                    .map(q -> {
                        assertThat(q.key()).isEqualTo("ETHUSDT");
                        return q.event();
                    }).orElseThrow();
            assertThat(usdm.bidPrice()).isEqualTo(new BigDecimal("3151.10"));
            assertThat(usdm.bidQty()).isEqualTo(new BigDecimal("3.412"));
            assertThat(usdm.askQty()).isEqualTo(new BigDecimal("0.870"));
            assertThat(usdm.exchangeTimeMs()).isBetween(before / 1000, usdm.receivedAtMicros() / 1000);
            assertThat(usdm.receivedAtMicros()).isBetween(before, EpochMicros.now());
        }
    }

    @Test
    void fundingArrivesFromTheMarkPriceStreamWithExactValues() {
        try (TopicProbe<FundingRate> funding = new TopicProbe<>(Topics.FUNDING, FundingRate.class)) {
            long before = EpochMicros.now();
            BINANCE.mark("BTCUSDT", new Mark("64260.53000000", "64231.77812345", "-0.00012500", 1772006400000L));
            FundingRate rate = funding.first(f -> f.key().equals("BTCUSDT") && f.event().fundingRate().signum() < 0, WAIT)
                    .orElseThrow().event();
            assertThat(rate.symbol()).isEqualTo("BTCUSDT");
            assertThat(rate.markPrice()).isEqualTo(new BigDecimal("64260.53000000"));
            assertThat(rate.indexPrice()).isEqualTo(new BigDecimal("64231.77812345"));
            assertThat(rate.fundingRate()).isEqualTo(new BigDecimal("-0.00012500"));
            assertThat(rate.nextFundingTimeMs()).isEqualTo(1772006400000L);
            assertThat(rate.exchangeTimeMs()).isBetween(before / 1000, rate.receivedAtMicros() / 1000);
            assertThat(rate.receivedAtMicros()).isBetween(before, EpochMicros.now());
        }
    }

    @Test
    void fundingCarriesEachSymbolsIntervalFromTheExchangesFundingInfo() {
        try (TopicProbe<FundingRate> funding = new TopicProbe<>(Topics.FUNDING, FundingRate.class)) {
            FundingRate btc = funding.first(f -> f.key().equals("BTCUSDT"), WAIT).orElseThrow().event();
            FundingRate eth = funding.first(f -> f.key().equals("ETHUSDT"), WAIT).orElseThrow().event();

            assertThat(btc.fundingIntervalHours()).as("not listed: Binance's default").isEqualTo(8);
            assertThat(eth.fundingIntervalHours()).as("listed as adjusted").isEqualTo(4);
        }
    }

    @Test
    void sustainedLagOver200msRaisesFeedLagWarningAndReconnectsThatConnection() {
        try (TopicProbe<Alert> alerts = new TopicProbe<>(Topics.ALERTS, Alert.class)) {
            int connectionsBefore = BINANCE.connections(Route.USDM_PUBLIC);
            BINANCE.lag(Route.USDM_PUBLIC, 600);
            Alert alert = alerts.first(a -> a.event().code().equals("FEED_LAG"), WAIT).orElseThrow().event();
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
            assertThat(alert.text()).isEqualTo("WebSocket lag detected (>200ms). Initiating reconnection.");
            assertThat(alert.dedupKey()).isEqualTo("FEED_LAG:usdm-public-0");
            assertThat(alert.source()).isEqualTo("ingestion-service");
            await().atMost(WAIT).until(() -> BINANCE.connections(Route.USDM_PUBLIC) > connectionsBefore);
            assertThat(BINANCE.connections(Route.SPOT)).as("only the lagging connection is replaced").isGreaterThan(0);
        }
        assertThat(prometheus()).containsPattern("nova_ingestion_reconnects_total\\{[^}]*cause=\"requested\"[^}]*connection=\"usdm-public-0\"");
    }

    @Test
    void aLagFaultGatesItsSymbolsOnTheFeedGatesTopicAndTheGatesLiftByThemselvesWhenItEnds() {
        await().atMost(WAIT).until(() -> gated("BTCUSDT") == 0 && gated("ETHUSDT") == 0);
        try (TopicProbe<FeedGate> feedGates = new TopicProbe<>(Topics.FEED_GATES, FeedGate.class)) {
            BINANCE.lag(Route.USDM_PUBLIC, 600);
            Map<String, TopicProbe.Received<FeedGate>> closed = gates(feedGates, true);
            assertThat(closed.keySet()).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
            closed.forEach((symbol, gate) -> {
                assertThat(gate.key()).isEqualTo("feed-gate:" + symbol);
                assertThat(gate.event().reason()).isEqualTo("USD-M frames lagging >200ms for 500ms on usdm-public-0");
            });
            assertThat(gated("BTCUSDT")).isEqualTo(1);

            BINANCE.lag(Route.USDM_PUBLIC, 0);
            Map<String, TopicProbe.Received<FeedGate>> lifted = gates(feedGates, false);
            assertThat(lifted.keySet()).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
            lifted.values().forEach(gate -> assertThat(gate.event().reason()).isEqualTo("feeds healthy for 1s"));
        }
        assertThat(gated("BTCUSDT")).isZero();
        assertThat(prometheus()).containsPattern(
                "nova_ingestion_gate_changes_total\\{[^}]*change=\"closed\"[^}]*symbol=\"ETHUSDT\"} [1-9]");
    }

    /** The first gate of each symbol with this state. */
    static Map<String, TopicProbe.Received<FeedGate>> gates(TopicProbe<FeedGate> feedGates, boolean gated) {
        Map<String, TopicProbe.Received<FeedGate>> found = new HashMap<>();
        feedGates.first(g -> {
            if (g.event().gated() == gated) {
                found.putIfAbsent(g.event().symbol(), g);
            }
            return found.size() == 2;
        }, WAIT);
        return found;
    }

    double gated(String symbol) {
        Matcher m = Pattern.compile("nova_ingestion_symbol_gated\\{application=\"ingestion-service\",symbol=\"" + symbol
                + "\"} ([0-9.E]+)").matcher(prometheus());
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void droppedConnectionIsReestablishedAndQuotesResume() {
        int before = BINANCE.connections(Route.SPOT);
        BINANCE.dropConnections(Route.SPOT);
        await().atMost(WAIT).until(() -> BINANCE.connections(Route.SPOT) > before);
        try (TopicProbe<Quote> quotes = new TopicProbe<>(Topics.QUOTES, Quote.class)) {
            assertThat(quotes.first(q -> q.event().venue() == Venue.SPOT, WAIT)).isPresent();
        }
        awaitReady();
    }

    @Test
    void malformedAndInsaneFramesAreCountedAndNeverPublished() {
        double truncated = rejected("SPOT", "TRUNCATED");
        double nan = rejected("SPOT", "NOT_A_NUMBER");
        double crossed = rejected("SPOT", "CROSSED_BOOK");
        double zero = rejected("SPOT", "NON_POSITIVE_PRICE");
        double unknownSymbol = rejected("USDM", "UNKNOWN_SYMBOL");
        double negative = rejected("USDM", "NEGATIVE_VALUE");
        try (TopicProbe<Quote> quotes = new TopicProbe<>(Topics.QUOTES, Quote.class)) {
            BINANCE.inject(Route.SPOT, "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"7");
            BINANCE.inject(Route.SPOT, spotFrame("NaN", "7.5"));
            BINANCE.inject(Route.SPOT, spotFrame("777.7", "777.6"));
            BINANCE.inject(Route.SPOT, spotFrame("0", "777.6"));
            BINANCE.inject(Route.USDM_PUBLIC, "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":1,"
                    + "\"E\":1,\"T\":1,\"s\":\"DOGEUSDT\",\"b\":\"1\",\"B\":\"1\",\"a\":\"2\",\"A\":\"1\"}}");
            BINANCE.inject(Route.USDM_PUBLIC, "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":1,"
                    + "\"E\":1,\"T\":1,\"s\":\"BTCUSDT\",\"b\":\"-1\",\"B\":\"1\",\"a\":\"2\",\"A\":\"1\"}}");
            await().atMost(WAIT).until(() -> rejected("SPOT", "TRUNCATED") > truncated
                    && rejected("SPOT", "NOT_A_NUMBER") > nan
                    && rejected("SPOT", "CROSSED_BOOK") > crossed
                    && rejected("SPOT", "NON_POSITIVE_PRICE") > zero
                    && rejected("USDM", "UNKNOWN_SYMBOL") > unknownSymbol
                    && rejected("USDM", "NEGATIVE_VALUE") > negative);
            assertThat(quotes.during(Duration.ofSeconds(1)))
                    .as("good frames keep flowing, the bad ones are not among them")
                    .isNotEmpty()
                    .noneMatch(q -> q.event().bidPrice().compareTo(new BigDecimal("777.7")) == 0
                            || q.event().bidPrice().signum() <= 0
                            || q.event().crossed());
        }
        assertThat(Http.get(url("/actuator/health/readiness")).status()).isEqualTo(200);
    }

    @Test
    void replayedAndOlderBookTickersAreCountedAndNeverPublished() {
        double spotStale = rejected("SPOT", "STALE_UPDATE_ID");
        double usdmStale = rejected("USDM", "STALE_UPDATE_ID");
        int spotReplayed = BINANCE.replayed(Route.SPOT);
        int usdmReplayed = BINANCE.replayed(Route.USDM_PUBLIC);
        try (TopicProbe<Quote> quotes = new TopicProbe<>(Topics.QUOTES, Quote.class)) {
            BINANCE.replayFrames(Route.SPOT, 6);
            BINANCE.replayFrames(Route.USDM_PUBLIC, 6);
            await().atMost(WAIT).until(() -> BINANCE.replayed(Route.SPOT) == spotReplayed + 6
                    && BINANCE.replayed(Route.USDM_PUBLIC) == usdmReplayed + 6);
            BINANCE.inject(Route.SPOT, spotFrame("555.5", "555.6"));

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(rejected("SPOT", "STALE_UPDATE_ID")).as("6 replays and 1 older frame").isEqualTo(spotStale + 7);
                assertThat(rejected("USDM", "STALE_UPDATE_ID")).as("6 replays").isEqualTo(usdmStale + 6);
            });
            List<TopicProbe.Received<Quote>> published = quotes.during(Duration.ofSeconds(1));
            assertThat(published).as("fresh frames keep flowing, the older one is not among them")
                    .isNotEmpty()
                    .noneMatch(q -> q.event().bidPrice().compareTo(new BigDecimal("555.5")) == 0);
            Map<String, Long> latest = new HashMap<>();
            for (TopicProbe.Received<Quote> q : published) {
                String stream = q.event().venue() + ":" + q.event().symbol();
                Long previous = latest.put(stream, q.event().updateId());
                assertThat(previous == null || q.event().updateId() > previous)
                        .as("%s published %d after %d: no duplicate, no step back", stream, q.event().updateId(), previous)
                        .isTrue();
            }
        }
    }

    @Test
    void afterAnExchangeRestartItsRestartedUpdateIdsArePublishedAgain() {
        try (TopicProbe<Quote> quotes = new TopicProbe<>(Topics.QUOTES, Quote.class)) {
            BINANCE.restart();

            assertThat(quotes.first(q -> q.event().venue() == Venue.SPOT && q.event().updateId() < 1000, WAIT))
                    .as("ids from 1 again, below every id published before the restart").isPresent();
            assertThat(quotes.first(q -> q.event().venue() == Venue.USDM && q.event().updateId() < 1000, WAIT)).isPresent();
        }
        awaitReady();
    }

    static String spotFrame(String bid, String ask) {
        return "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"" + bid
                + "\",\"B\":\"1\",\"a\":\"" + ask + "\",\"A\":\"1\"}}";
    }

    @Test
    void readinessIsDownWhileAStreamIsSilentAndUpAgainWhenItResumes() {
        try (TopicProbe<Alert> alerts = new TopicProbe<>(Topics.ALERTS, Alert.class)) {
            BINANCE.silence(Route.USDM_MARKET, true);
            await().atMost(WAIT).until(() -> Http.get(url("/actuator/health/readiness")).status() == 503);
            assertThat(Http.get(url("/actuator/health/liveness")).status()).isEqualTo(200);
            Alert stale = alerts.first(a -> a.event().code().equals("FEED_STALE"), WAIT).orElseThrow().event();
            assertThat(stale.severity()).isEqualTo(Severity.WARNING);
            assertThat(stale.dedupKey()).isEqualTo("FEED_STALE:usdm-market-0");
            assertThat(stale.text()).contains("Initiating reconnection.");
        }
        BINANCE.silence(Route.USDM_MARKET, false);
        awaitReady();
    }

    @Test
    void clockOffsetToTheExchangeIsMeasuredAndExposed() {
        BINANCE.clockAhead(1500);
        Pattern offset = Pattern.compile("nova_ingestion_clock_offset_seconds\\{application=\"ingestion-service\",venue=\"USDM\"} ([-0-9.E]+)");
        await().atMost(WAIT).until(() -> {
            Matcher m = offset.matcher(prometheus());
            return m.find() && Math.abs(Double.parseDouble(m.group(1)) - 1.5) < 0.1;
        });
        assertThat(prometheus()).containsPattern("nova_ingestion_lag_seconds_bucket\\{[^}]*stream_type=\"book_ticker\",venue=\"USDM\",le=\"0.2\"}");
        assertThat(prometheus()).contains("nova_ingestion_publish_latency_seconds_count{application=\"ingestion-service\",topic=\"nova.md.quotes\"}");
        // The service's own share (frame received -> handed to the producer), with buckets that resolve it.
        Pattern handedOff = Pattern.compile(
                "nova_ingestion_handoff_latency_seconds_count\\{application=\"ingestion-service\",topic=\"nova.md.quotes\"} ([0-9.E]+)");
        await().atMost(WAIT).until(() -> {
            Matcher m = handedOff.matcher(prometheus());
            return m.find() && Double.parseDouble(m.group(1)) > 0;
        });
        assertThat(prometheus()).containsPattern("nova_ingestion_handoff_latency_seconds_bucket\\{[^}]*topic=\"nova.md.quotes\",le=\"1.0E-4\"}");
    }

    @Test
    void rawFramesAreTeedToTheRecordingInTheReplayFormat() throws Exception {
        Pattern line = Pattern.compile("\\{\"t\":(\\d{16}),\"venue\":\"(SPOT|USDM)\",\"stream\":\"([a-z]+@[A-Za-z@0-9]+)\",\"frame\":(\\{.*})}");
        await().atMost(WAIT).until(() -> Files.exists(RECORDING) && Files.readAllLines(RECORDING).size() > 10);
        var lines = Files.readAllLines(RECORDING);
        assertThat(lines).allSatisfy(l -> assertThat(line.matcher(l).matches()).as(l).isTrue());
        assertThat(lines).anySatisfy(l -> {
            Matcher m = line.matcher(l);
            assertThat(m.matches()).isTrue();
            assertThat(m.group(2)).isEqualTo("USDM");
            assertThat(m.group(3)).isEqualTo("btcusdt@markPrice@1s");
            assertThat(m.group(4)).startsWith("{\"e\":\"markPriceUpdate\"");
        });
    }

    double rejected(String venue, String reason) {
        Matcher m = Pattern.compile("nova_ingestion_rejected_total\\{application=\"ingestion-service\",reason=\"" + reason
                + "\",venue=\"" + venue + "\"} ([0-9.E]+)").matcher(prometheus());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    String prometheus() {
        return Http.get(url("/actuator/prometheus")).body();
    }
}
