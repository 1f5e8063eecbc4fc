package com.novaquant.ingestion;

import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.events.Venue;
import com.novaquant.ingestion.FakeBinance.Route;
import com.novaquant.testsupport.Http;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Universe mode: the service follows {@code nova.universe} on a real broker and changes the subscriptions of its open
 * connections to a loopback Binance of its own (so the connection counts are this context's alone).
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after the class: cached contexts keep running (spring.properties), and a second live ingestion on the shared
// loopback Binance would take half of the frames another class counts.
@DirtiesContext
class UniverseFollowingIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final FakeBinance BINANCE = new FakeBinance(Duration.ofMillis(50));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("nova.universe.enabled", () -> "true");
        registry.add("nova.symbols", () -> "BTCUSDT");
        FeedTestSupport.fastFeeds(registry, BINANCE);
    }

    @AfterAll
    static void closeBinance() {
        BINANCE.close();
    }

    @LocalManagementPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @BeforeEach
    void ready() {
        await().atMost(WAIT).until(() -> Http.get(url("/actuator/health/readiness")).status() == 200);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String prometheus() {
        return Http.get(url("/actuator/prometheus")).body();
    }

    double metric(String series) {
        Matcher m = Pattern.compile(Pattern.quote(series) + " ([0-9.E]+)").matcher(prometheus());
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    void publish(long revision, List<String> tracked) throws Exception {
        List<UniverseSelection.Member> members = tracked.stream()
                .map(symbol -> new UniverseSelection.Member(symbol, new BigDecimal("1000"), 0.12, 8, "share")).toList();
        UniverseSelection universe = new UniverseSelection(revision, System.currentTimeMillis(), System.currentTimeMillis(),
                members, tracked, List.of());
        kafka.send(Topics.UNIVERSE, UniverseSelection.KEY, EventCodec.encode(universe)).get();
    }

    Map<Route, Integer> connections() {
        return Map.of(Route.SPOT, BINANCE.connections(Route.SPOT), Route.USDM_PUBLIC, BINANCE.connections(Route.USDM_PUBLIC),
                Route.USDM_MARKET, BINANCE.connections(Route.USDM_MARKET));
    }

    @Test
    void aSymbolTheUniverseAddsFlowsWithoutAReconnectAndStopsOnceTheUniverseDropsIt() throws Exception {
        Map<Route, Integer> connectionsBefore = connections();
        int controlsBefore = BINANCE.controlMessages();
        double subscribedBefore = metric("nova_ingestion_subscription_changes_total{application=\"ingestion-service\",change=\"subscribe\"}");

        try (TopicProbe<Quote> quotes = new TopicProbe<>(Topics.QUOTES, Quote.class);
             TopicProbe<FundingRate> funding = new TopicProbe<>(Topics.FUNDING, FundingRate.class)) {
            publish(101, List.of("BTCUSDT", "SOLUSDT"));

            assertThat(quotes.first(q -> q.key().equals("SOLUSDT") && q.event().venue() == Venue.SPOT, WAIT)).isPresent();
            assertThat(quotes.first(q -> q.key().equals("SOLUSDT") && q.event().venue() == Venue.USDM, WAIT)).isPresent();
            assertThat(funding.first(f -> f.key().equals("SOLUSDT"), WAIT)).isPresent();
        }
        assertThat(connections()).as("subscribed on the open connections, none opened again").isEqualTo(connectionsBefore);
        assertThat(BINANCE.controlMessages()).isGreaterThan(controlsBefore);
        assertThat(BINANCE.subscribed(Route.SPOT)).contains("solusdt@bookTicker", "btcusdt@bookTicker");
        assertThat(BINANCE.subscribed(Route.USDM_MARKET)).contains("solusdt@markPrice@1s");
        assertThat(metric("nova_ingestion_subscribed_symbols{application=\"ingestion-service\"}")).isEqualTo(2.0);
        assertThat(metric("nova_ingestion_subscription_changes_total{application=\"ingestion-service\",change=\"subscribe\"}"))
                .isEqualTo(subscribedBefore + 1);
        // A new symbol starts gated and lifts once its feeds have delivered and healed.
        await().atMost(WAIT).until(() ->
                metric("nova_ingestion_symbol_gated{application=\"ingestion-service\",symbol=\"SOLUSDT\"}") == 0.0);

        publish(102, List.of("BTCUSDT"));

        await().atMost(WAIT).until(() -> !BINANCE.subscribed(Route.SPOT).contains("solusdt@bookTicker")
                && !BINANCE.subscribed(Route.USDM_PUBLIC).contains("solusdt@bookTicker")
                && !BINANCE.subscribed(Route.USDM_MARKET).contains("solusdt@markPrice@1s"));
        try (TopicProbe<Quote> quotes = new TopicProbe<>(Topics.QUOTES, Quote.class)) {
            List<TopicProbe.Received<Quote>> published = quotes.during(Duration.ofSeconds(2));
            assertThat(published).as("BTCUSDT keeps flowing").anyMatch(q -> q.key().equals("BTCUSDT"));
            assertThat(published).as("SOLUSDT stopped").noneMatch(q -> q.key().equals("SOLUSDT"));
        }
        assertThat(connections()).as("unsubscribed on the open connections").isEqualTo(connectionsBefore);
        assertThat(metric("nova_ingestion_subscribed_symbols{application=\"ingestion-service\"}")).isEqualTo(1.0);
        String scrape = prometheus();
        assertThat(scrape).as("a removed symbol is neither gated nor silent")
                .doesNotContain("nova_ingestion_symbol_gated{application=\"ingestion-service\",symbol=\"SOLUSDT\"}")
                .doesNotContain("stream=\"solusdt@");
        assertThat(Http.get(url("/actuator/health/readiness")).status()).isEqualTo(200);
    }

    @Test
    void anUndecodableUniverseRecordIsCountedAndSkipped() throws Exception {
        String series = "nova_events_rejected_total{application=\"ingestion-service\",reason=\"MALFORMED\",topic=\"nova.universe\"}";
        double before = Math.max(0, metric(series));
        Map<Route, Integer> connectionsBefore = connections();

        kafka.send(Topics.UNIVERSE, UniverseSelection.KEY, "{not json".getBytes(StandardCharsets.UTF_8)).get();

        await().atMost(WAIT).until(() -> metric(series) == before + 1);
        assertThat(connections()).isEqualTo(connectionsBefore);
        assertThat(Http.get(url("/actuator/health/readiness")).status()).isEqualTo(200);
    }
}
