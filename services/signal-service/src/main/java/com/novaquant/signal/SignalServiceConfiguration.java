package com.novaquant.signal;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.RecordSeal;
import com.novaquant.signal.adapter.kafka.KafkaSettingsLog;
import com.novaquant.signal.adapter.kafka.KafkaSignalSink;
import com.novaquant.signal.adapter.kafka.KillSwitchCatchUp;
import com.novaquant.signal.adapter.kafka.KafkaUniverseSink;
import com.novaquant.signal.adapter.kafka.MarketDataListener;
import com.novaquant.signal.adapter.kafka.MarketScanReader;
import com.novaquant.signal.adapter.kafka.UniverseCatchUp;
import com.novaquant.signal.application.InvalidSettingsException;
import com.novaquant.signal.application.LiveSettings;
import com.novaquant.signal.application.SharedSettings;
import com.novaquant.signal.application.SignalEngine;
import com.novaquant.signal.application.SignalMetrics;
import com.novaquant.signal.application.SignalProperties;
import com.novaquant.signal.application.UniverseMetrics;
import com.novaquant.signal.application.UniverseProperties;
import com.novaquant.signal.application.UniverseService;
import com.novaquant.support.EventDecoder;
import com.novaquant.support.EventPublisher;
import com.novaquant.support.FeedGateView;
import com.novaquant.support.KillSwitchView;
import com.novaquant.support.config.InvalidConfigurationException;
import com.novaquant.support.config.TradedSymbols;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wires the engine to Kafka, the desk mode, the feed gates, the shared settings, the clock and the meters. The traded
 * symbols are service-support's {@link TradedSymbols} ({@code nova.symbols}), as for every service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TradedSymbols.class)
public class SignalServiceConfiguration {

    /** Enough encodings at start-up for the JIT to compile a signal's publication before the first burst. */
    private static final int REHEARSAL_ROUNDS = 3_000;

    /** {@code nova.symbols} must hold a symbol, in universe mode as well. */
    @Bean
    LiveSettings liveSettings(SignalProperties properties, TradedSymbols symbols) {
        List<String> traded = symbols.nonEmpty("the signal service has nothing to trade");
        try {
            return new LiveSettings(properties, traded);
        } catch (InvalidSettingsException e) {
            throw new InvalidConfigurationException("the nova.signal.* start-up settings are not usable:\n  - "
                    + String.join("\n  - ", e.violations()),
                    "Correct each nova.signal.* setting named above (environment NOVA_SIGNAL_...), then start again.", e);
        }
    }

    @Bean
    SignalMetrics signalMetrics(MeterRegistry registry) {
        return new SignalMetrics(registry);
    }

    @Bean
    SignalEngine signalEngine(LiveSettings settings, KillSwitchView killSwitch, FeedGateView feedGates,
                              EventPublisher publisher, SignalMetrics metrics, UniverseProperties universe) {
        if (universe.enabled()) {
            List<String> violations = universe.violations(settings.startUpProperties());
            if (!violations.isEmpty()) {
                throw new InvalidConfigurationException("the nova.universe.* start-up settings are not usable:\n  - "
                        + String.join("\n  - ", violations),
                        "Correct each nova.universe.* setting named above (environment NOVA_UNIVERSE_...), then start"
                                + " again.");
            }
        }
        SignalEngine.rehearsePublication(REHEARSAL_ROUNDS);
        return new SignalEngine(settings, killSwitch::mode, feedGates::gated, EpochMicros::now,
                new KafkaSignalSink(publisher), metrics, universe.enabled());
    }

    /** Universe mode only: chooses the universe on each scan, applies it to the engine and publishes it. */
    @Bean
    @ConditionalOnProperty(name = "nova.universe.enabled", havingValue = "true")
    UniverseService universeService(UniverseProperties properties, LiveSettings settings, SignalEngine engine,
                                    EventPublisher publisher, MeterRegistry registry) {
        AtomicReference<UniverseService> self = new AtomicReference<>();
        UniverseMetrics metrics = new UniverseMetrics(registry,
                () -> self.get() == null ? Double.NaN : self.get().scanAgeSeconds());
        UniverseService service = new UniverseService(properties, settings, engine, new KafkaUniverseSink(publisher),
                metrics, System::currentTimeMillis);
        self.set(service);
        return service;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "nova.universe.enabled", havingValue = "true")
    MarketScanReader marketScanReader(ConsumerFactory<String, byte[]> consumers, EventDecoder decoder,
                                      UniverseService universe) {
        return new MarketScanReader(consumers, decoder, universe);
    }

    /** Reads and writes the shared settings on {@code nova.signal-settings}; its reader runs with the context. */
    @Bean
    KafkaSettingsLog kafkaSettingsLog(ConsumerFactory<String, byte[]> consumers, EventPublisher publisher,
                                      EventDecoder decoder, RecordSeal seal, SignalMetrics metrics) {
        return new KafkaSettingsLog(consumers, publisher, decoder, seal, metrics);
    }

    /**
     * The settings every replica shares. {@code nova.signal-settings.timeout} (default 10 s) bounds each step of a
     * change: reading the topic to its end, and Kafka's acknowledgement of the new record.
     */
    @Bean
    SharedSettings sharedSettings(LiveSettings live, KafkaSettingsLog journal, SignalMetrics metrics,
                                  @Value("${nova.signal-settings.timeout:10s}") Duration timeout) {
        SharedSettings shared = new SharedSettings(live, journal, metrics, System::currentTimeMillis, timeout);
        journal.deliverTo(shared);
        return shared;
    }

    /**
     * In universe mode the newest universe is restored from {@code nova.universe}, and the scans followed, before any
     * market data is decided.
     */
    @Bean
    KillSwitchCatchUp killSwitchCatchUp(ConsumerFactory<String, byte[]> consumers, EventDecoder decoder,
                                        KillSwitchView killSwitch, FeedGateView feedGates,
                                        KafkaListenerEndpointRegistry listeners, SharedSettings settings,
                                        RecordSeal seal, ObjectProvider<UniverseService> universe,
                                        ObjectProvider<MarketScanReader> scans) {
        UniverseService service = universe.getIfAvailable();
        if (service == null) {
            return new KillSwitchCatchUp(consumers, decoder, killSwitch, feedGates, listeners, settings);
        }
        UniverseCatchUp restore = new UniverseCatchUp(consumers, decoder, seal, service);
        MarketScanReader reader = scans.getObject();
        return new KillSwitchCatchUp(consumers, decoder, killSwitch, feedGates, listeners, settings, () -> {
            restore.restore();
            reader.start();
        });
    }

    /**
     * Market data is read without committing offsets: a commit after every poll is a broker round trip on the one
     * thread that reads quotes and funding, and every update arriving meanwhile waits behind it. Nothing needs the
     * offsets: a (re)started consumer reads from the latest, old quotes being stale anyway.
     */
    @Bean(MarketDataListener.CONTAINER_FACTORY)
    @SuppressWarnings("unchecked")
    ConcurrentKafkaListenerContainerFactory<Object, Object> marketDataContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, (ConsumerFactory<Object, Object>) consumers);
        // Manual acknowledgement that never comes, and no commit of the first position on assignment (a restart
        // would otherwise resume from there and replay every quote since): the container commits nothing.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        factory.getContainerProperties().setAssignmentCommitOption(ContainerProperties.AssignmentCommitOption.NEVER);
        return factory;
    }

    @Bean
    MarketDataListener marketDataListener(EventDecoder decoder, SignalEngine engine) {
        return new MarketDataListener(decoder, engine);
    }
}
