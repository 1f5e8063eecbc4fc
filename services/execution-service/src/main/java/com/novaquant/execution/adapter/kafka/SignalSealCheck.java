package com.novaquant.execution.adapter.kafka;

import com.novaquant.events.RecordSeal;
import com.novaquant.execution.domain.Refusal;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Optional;

/**
 * Checks the seal of a signal record before anything in it is read: only a record sealed with one of the signing
 * keys (held by signal-service and execution alone) is decided on. Without keys (a paper desk not set up for it)
 * every record passes and the start-up log says so; a live desk cannot start without keys.
 */
public class SignalSealCheck {

    private final RecordSeal seal;

    public SignalSealCheck(RecordSeal seal) {
        this.seal = seal;
    }

    public boolean enforced() {
        return seal.enabled();
    }

    /** Why the record is not to be trusted, or empty when it is sealed (or sealing is off). */
    public Optional<Refusal> check(ConsumerRecord<String, byte[]> record) {
        if (!seal.enabled()) {
            return Optional.empty();
        }
        return switch (seal.verify(record.topic(), record.key(), record.value(), record.headers())) {
            case SEALED -> Optional.empty();
            case UNSIGNED -> Optional.of(Refusal.UNSIGNED);
            case UNKNOWN_KEY -> Optional.of(Refusal.UNKNOWN_KEY);
            case BAD_SEAL -> Optional.of(Refusal.BAD_SEAL);
        };
    }

    /** The key id the record names, for the page; {@code unsigned} when it names none. */
    static String source(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(RecordSeal.KEY_ID_HEADER);
        if (header == null || header.value() == null) {
            return "unsigned";
        }
        String id = new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
        // A forger controls this text: keep it short and printable before it reaches a page.
        return "key " + id.replaceAll("[^A-Za-z0-9_.-]", "?").substring(0, Math.min(id.length(), 32));
    }
}
