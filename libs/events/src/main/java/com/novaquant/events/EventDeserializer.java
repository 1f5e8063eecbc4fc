package com.novaquant.events;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for {@link NovaEvent}s. Throws {@link EventDecodeException} on a bad payload; pair it with an
 * error-handling deserializer, or consume bytes and call {@link EventCodec#decode(byte[], Class)} yourself.
 */
public final class EventDeserializer implements Deserializer<NovaEvent> {
    @Override
    public NovaEvent deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.decode(data);
    }
}
