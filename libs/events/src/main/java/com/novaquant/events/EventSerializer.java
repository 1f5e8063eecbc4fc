package com.novaquant.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for {@link NovaEvent}s. */
public final class EventSerializer implements Serializer<NovaEvent> {
    @Override
    public byte[] serialize(String topic, NovaEvent event) {
        return event == null ? null : EventCodec.encode(event);
    }
}
