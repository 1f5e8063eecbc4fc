package com.novaquant.testsupport;

/** A running, real Kafka broker. */
public interface KafkaServer extends AutoCloseable {

    String bootstrapServers();

    /** Which path served it: {@code in-process} or {@code testcontainers}. */
    String kind();

    @Override
    void close();
}
