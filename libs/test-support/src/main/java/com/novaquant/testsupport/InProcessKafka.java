package com.novaquant.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * A real KRaft broker (Kafka's own server code) inside this JVM. Used where no Docker engine runs, and by the local
 * desk.
 */
public final class InProcessKafka implements KafkaServer {

    private final EmbeddedKafkaKraftBroker broker;
    private final TcpForwarder forwarder;
    private final String bootstrapServers;

    private InProcessKafka(EmbeddedKafkaKraftBroker broker, TcpForwarder forwarder, String bootstrapServers) {
        this.broker = broker;
        this.forwarder = forwarder;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a single-node broker.
     *
     * @param port the listener port, or 0 for a free one
     */
    public static InProcessKafka start(int port, int partitions, String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(partitions),
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "5",
                "log.cleaner.enable", "true"));
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        if (port <= 0) {
            return new InProcessKafka(broker, null, broker.getBrokersAsString());
        }
        // The KRaft test kit picks its own listener port (kafkaPorts() is ignored in KRaft mode): offer the fixed
        // port as a bootstrap address that forwards to it.
        int actual = Integer.parseInt(broker.getBrokersAsString().replaceAll(".*:", ""));
        return new InProcessKafka(broker, TcpForwarder.start(port, actual), "localhost:" + port);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String kind() {
        return "in-process";
    }

    @Override
    public void close() {
        if (forwarder != null) {
            forwarder.close();
        }
        broker.destroy();
    }
}
