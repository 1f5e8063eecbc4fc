package com.novaquant.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * A real KRaft broker (Kafka's own server code) inside this JVM. Used where no Docker engine runs, and by the local
 * desk.
 */
public final class InProcessKafka implements KafkaServer {

    private final EmbeddedKafkaKraftBroker broker;

    private InProcessKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a single-node broker.
     *
     * @param port the listener port, or 0 for a free one
     */
    public static InProcessKafka start(int port, int partitions, String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        if (port > 0) {
            broker.kafkaPorts(port);
        }
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(partitions),
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "5",
                "log.cleaner.enable", "true"));
        broker.afterPropertiesSet();
        return new InProcessKafka(broker);
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public String kind() {
        return "in-process";
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
