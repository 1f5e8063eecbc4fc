package com.novaquant.signal;

import com.novaquant.events.EventCodec;
import com.novaquant.events.MarketScan;
import com.novaquant.events.NovaEvent;
import com.novaquant.events.RecordSeal;
import com.novaquant.events.Signal;
import com.novaquant.events.TopicDefinitions;
import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.signal.adapter.kafka.MarketDataListener;
import com.novaquant.signal.application.UniverseService;
import com.novaquant.testsupport.InProcessKafka;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Universe mode over real Kafka, on a broker of its own (the universe must not reach the other ITs' service): a scan
 * on {@code nova.md.scan} chooses a symbol and a sealed universe comes out on {@code nova.universe}; quotes and
 * funding for it open a pair; a later scan that drops it publishes its departure and closes the pair
 * ({@code LEFT_UNIVERSE}), after which it is no longer tracked; a restarted service restores the universe.
 */
class UniverseFlowIT {

    private static final String SIGNING_KEYS = RecordSeal.generate("it-universe");
    private static final RecordSeal SEAL = RecordSeal.parse(SIGNING_KEYS);
    private static final String SYMBOL = "SOLUSDT";
    /** Net carry 0.93 on the books below. */
    private static final String SPIKE = "0.001";
    /** Net carry below 0: below the stay level. */
    private static final String DROP = "0.00002";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static InProcessKafka kafka;
    private static ConfigurableApplicationContext service;
    private static KafkaConsumer<String, byte[]> reader;
    private static final List<UniverseSelection> universes = new CopyOnWriteArrayList<>();
    private static final List<Signal> signals = new CopyOnWriteArrayList<>();
    private static final List<String> unsealed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void serviceOnABrokerOfItsOwn() throws Exception {
        kafka = InProcessKafka.start(0, 1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(TopicDefinitions.all(1, (short) 1)).all().get(30, TimeUnit.SECONDS);
        }
        reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "universe-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        reader.subscribe(List.of(Topics.UNIVERSE, Topics.SIGNALS));
        service = start();
    }

    @AfterAll
    static void stop() {
        if (reader != null) {
            reader.close();
        }
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aScanChoosesTheSymbolItTradesAndALaterScanClosesItsPair() throws Exception {
        KafkaDesk desk = new KafkaDesk(template(service));

        desk.send(Topics.MARKET_SCAN, scan(SPIKE));
        UniverseSelection chosen = awaitUniverse(u -> u.isMember(SYMBOL));
        assertThat(chosen.members()).singleElement().satisfies(m -> {
            assertThat(m.notional()).isEqualByComparingTo("1000");
            assertThat(m.limitedBy()).isEqualTo("PAIR_CAP");
            assertThat(m.netCarryApr()).isGreaterThan(0.15);
        });
        assertThat(chosen.tracked()).contains(SYMBOL);
        assertThat(unsealed).isEmpty();

        desk.books(SYMBOL);
        desk.funding(SYMBOL, SPIKE);
        Signal open = awaitSignal(s -> s.targetBaseQty().signum() > 0);
        assertThat(open.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        // the universe's budget: 1000 USDT at the 100 000 ask
        assertThat(open.targetBaseQty()).isEqualByComparingTo("0.01");

        desk.send(Topics.MARKET_SCAN, scan(DROP));
        UniverseSelection dropped = awaitUniverse(u -> u.revision() > chosen.revision() && !u.isMember(SYMBOL));
        assertThat(dropped.left()).containsExactly(new UniverseSelection.Departure(SYMBOL, "CARRY_FELL"));
        assertThat(dropped.tracked()).contains(SYMBOL);

        desk.books(SYMBOL);
        desk.funding(SYMBOL, SPIKE);
        Signal close = awaitSignal(s -> s.decidedAtMicros() > open.decidedAtMicros() && s.flat());
        assertThat(close.reason()).isEqualTo(Signal.Reason.LEFT_UNIVERSE);
        UniverseSelection untracked = awaitUniverse(u -> u.revision() > dropped.revision());
        assertThat(untracked.tracked()).doesNotContain(SYMBOL);
        assertThat(untracked.members()).isEmpty();
        assertThat(unsealed).isEmpty();

        String metrics = service.getBean(PrometheusMeterRegistry.class).scrape();
        assertThat(metrics)
                .contains("nova_universe_member{application=\"signal-service\",symbol=\"SOLUSDT\"} 0.0")
                .contains("nova_universe_notional_usdt{application=\"signal-service\",symbol=\"SOLUSDT\"}")
                .contains("nova_universe_net_carry_apr{application=\"signal-service\",symbol=\"SOLUSDT\"}")
                .contains("nova_universe_size{application=\"signal-service\"} 0.0")
                .contains("nova_universe_revision{application=\"signal-service\"} " + untracked.revision() + ".0")
                .contains("nova_universe_changes_total{application=\"signal-service\",change=\"left\",reason=\"CARRY_FELL\"} 1.0")
                .contains("nova_universe_changes_total{application=\"signal-service\",change=\"entered\",reason=\"CARRY_ABOVE_ENTRY\"} 1.0")
                .contains("nova_universe_scan_age_seconds{application=\"signal-service\"}");

        HttpResponse<String> status = get(service, "/admin/universe", "operator:it-secret");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"enabled\":true").contains("\"revision\":" + untracked.revision())
                .contains("\"symbol\":\"SOLUSDT\"").contains("\"verdict\":\"BELOW_ENTRY_CARRY\"");
        assertThat(get(service, "/admin/universe", "operator:wrong").statusCode()).isEqualTo(401);

        // restarted, the service comes up with the universe's revision before it reads any market data
        service.close();
        service = start();
        assertThat(service.getBean(UniverseService.class).revision()).isEqualTo(untracked.revision());
        assertThat(service.getBean(UniverseService.class).status().tracked()).isEqualTo(untracked.tracked());
    }

    private static ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SignalApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=0",
                "--management.server.port=0",
                "--nova.admin.password=it-secret",
                "--nova.signing.keys=" + SIGNING_KEYS,
                "--nova.signal.max-quote-age=60s",
                "--nova.signal.max-funding-age=60s",
                "--nova.signal.cooldown=0s",
                "--nova.signal.republish-interval=0s",
                "--nova.universe.enabled=true",
                "--nova.universe.size=2");
        MessageListenerContainer marketData = context.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(MarketDataListener.ID);
        await().atMost(Duration.ofSeconds(60)).until(() -> marketData.isRunning()
                && marketData.getAssignedPartitions() != null && !marketData.getAssignedPartitions().isEmpty());
        return context;
    }

    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, byte[]> template(ConfigurableApplicationContext context) {
        return context.getBean(KafkaTemplate.class);
    }

    /** One symbol, books as {@link KafkaDesk#books} publishes them, liquid enough for every filter. */
    private static MarketScan scan(String rate) {
        return new MarketScan(System.currentTimeMillis(), List.of(new MarketScan.ScannedSymbol(SYMBOL, true,
                new BigDecimal(rate), 8, new BigDecimal("99990"), BigDecimal.ONE, new BigDecimal("100000"),
                BigDecimal.ONE, new BigDecimal("100030"), BigDecimal.ONE, new BigDecimal("100040"), BigDecimal.ONE,
                new BigDecimal("100000000"), new BigDecimal("100000000"))));
    }

    private static UniverseSelection awaitUniverse(Predicate<UniverseSelection> wanted) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            drain();
            return universes.stream().filter(wanted).findFirst().orElse(null);
        }, Objects::nonNull);
    }

    private static Signal awaitSignal(Predicate<Signal> wanted) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            drain();
            return signals.stream().filter(s -> s.symbol().equals(SYMBOL)).filter(wanted).findFirst().orElse(null);
        }, Objects::nonNull);
    }

    private static synchronized void drain() {
        for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
            if (SEAL.verify(record.topic(), record.key(), record.value(), record.headers()) != RecordSeal.Verdict.SEALED) {
                unsealed.add(record.topic() + "@" + record.offset());
            }
            NovaEvent event = Topics.UNIVERSE.equals(record.topic())
                    ? EventCodec.decode(record.value(), UniverseSelection.class)
                    : EventCodec.decode(record.value(), Signal.class);
            if (event instanceof UniverseSelection universe) {
                assertThat(record.key()).isEqualTo(UniverseSelection.KEY);
                universes.add(universe);
            } else {
                signals.add((Signal) event);
            }
        }
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext context, String path, String credentials)
            throws IOException, InterruptedException {
        String port = context.getEnvironment().getProperty("local.server.port");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
