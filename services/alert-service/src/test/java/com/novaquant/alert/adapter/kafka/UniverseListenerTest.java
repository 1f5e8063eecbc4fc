package com.novaquant.alert.adapter.kafka;

import com.novaquant.alert.application.UniverseFollower;
import com.novaquant.alert.domain.UniverseText;
import com.novaquant.alert.domain.UniverseWatch;
import com.novaquant.events.EventCodec;
import com.novaquant.events.RecordSeal;
import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.support.EventDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the listener shows with and without the signing keys; the records are built in memory, no broker. */
class UniverseListenerTest {

    private static final String SIGNAL_KEYS = RecordSeal.generate("k1");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> raised = new ArrayList<>();
    private final UniverseFollower follower = new UniverseFollower(new UniverseWatch(0), new UniverseText(0),
            (severity, code, text, dedupKey) -> raised.add(severity + " " + code + " " + dedupKey + " " + text));

    @Test
    void withTheSigningKeysOnlyARecordSealedByTheSignalServiceIsShown() {
        UniverseListener listener = listener(RecordSeal.parse(SIGNAL_KEYS));

        listener.onUniverse(record(universe(4, "FORGEDUSDT"), RecordSeal.parse(RecordSeal.generate("k1"))));
        listener.onUniverse(record(universe(5, "UNSIGNEDUSDT"), RecordSeal.none()));
        assertThat(follower.statusLine()).isEmpty();
        assertThat(rejected("BAD_SEAL")).isEqualTo(1);
        assertThat(rejected("UNSIGNED")).isEqualTo(1);

        listener.onUniverse(record(universe(3, "SOLUSDT"), RecordSeal.parse(SIGNAL_KEYS)));
        assertThat(follower.statusLine()).contains("Universe r3 \u00B7 1 member \u00B7 SOLUSDT 1,000 (25.0%)");
        assertThat(raised).containsExactly("INFO UNIVERSE_CHANGED UNIVERSE_CHANGED:r3 Universe r3: 1 member."
                + " Entered: SOLUSDT (budget 1,000, net carry 25.0%).");
    }

    @Test
    void withoutKeysTheUniverseIsShownAsReadAndOtherKeysAndMalformedRecordsAreSkipped() {
        UniverseListener listener = listener(RecordSeal.none());

        listener.onUniverse(new ConsumerRecord<>(Topics.UNIVERSE, 0, 0, "other", EventCodec.encode(universe(9, "X"))));
        listener.onUniverse(new ConsumerRecord<>(Topics.UNIVERSE, 0, 1, UniverseSelection.KEY, new byte[]{'{'}));
        assertThat(follower.statusLine()).isEmpty();

        listener.onUniverse(record(universe(2, "SOLUSDT"), RecordSeal.none()));
        assertThat(follower.statusLine()).get().asString().startsWith("Universe r2");
    }

    private UniverseListener listener(RecordSeal seal) {
        return new UniverseListener(follower, new EventDecoder(registry), seal, registry);
    }

    private double rejected(String reason) {
        return registry.counter("nova.events.rejected", "topic", Topics.UNIVERSE, "reason", reason).count();
    }

    private static ConsumerRecord<String, byte[]> record(UniverseSelection universe, RecordSeal sealedWith) {
        byte[] value = EventCodec.encode(universe);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.UNIVERSE, 0, universe.revision(),
                UniverseSelection.KEY, value);
        sealedWith.seal(Topics.UNIVERSE, UniverseSelection.KEY, value, record.headers());
        return record;
    }

    private static UniverseSelection universe(long revision, String symbol) {
        return new UniverseSelection(revision, 1_000, 900,
                List.of(new UniverseSelection.Member(symbol, new BigDecimal("1000"), 0.25, 8, "SHARE")),
                List.of(symbol), List.of());
    }
}
