package com.novaquant.execution.adapter.kafka;

import com.novaquant.events.EventCodec;
import com.novaquant.events.RecordSeal;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.execution.application.ExecutionMetrics;
import com.novaquant.execution.application.TradedUniverse;
import com.novaquant.support.EventDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A universe record is believed only when sealed with the signing keys and decodable, and only when it is not older
 * than the one in force; anything else is counted, paged once, and leaves the universe in force as it was.
 */
class UniverseListenerTest {

    private static final RecordSeal SEAL = RecordSeal.parse(RecordSeal.generate("k1"));
    private static final RecordSeal FORGER = RecordSeal.parse(RecordSeal.generate("k1"));

    private record Raised(Severity severity, String code, String text) {
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Raised> alerts = new ArrayList<>();
    private final TradedUniverse universe = new TradedUniverse(List.of("BTCUSDT"));
    private final ExecutionMetrics metrics = new ExecutionMetrics(meters);
    private final UniverseListener listener = new UniverseListener(universe, new SignalSealCheck(SEAL),
            new EventDecoder(meters), metrics, (severity, code, text, key) -> alerts.add(new Raised(severity, code, text)));

    {
        metrics.universe(universe);
    }
    private long offset;

    private static UniverseSelection selection(long revision, String... members) {
        return new UniverseSelection(revision, 1, 1, java.util.Arrays.stream(members)
                .map(s -> new UniverseSelection.Member(s, new BigDecimal("5000"), 0.3, 8, "share")).toList(),
                List.of(members), List.of());
    }

    private ConsumerRecord<String, byte[]> record(byte[] value, RecordSeal seal) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.UNIVERSE, 0, offset++,
                UniverseSelection.KEY, value);
        seal.seal(Topics.UNIVERSE, UniverseSelection.KEY, value, record.headers());
        return record;
    }

    private double refused(String reason) {
        return meters.get("nova.execution.universe.refused").tag("reason", reason).counter().count();
    }

    @Test
    void aSealedRecordIsPutInForce() {
        assertThat(listener.accept(record(EventCodec.encode(selection(3, "BTCUSDT", "SOLUSDT")), SEAL))).isTrue();

        assertThat(universe.revision()).isEqualTo(3);
        assertThat(universe.tracked()).containsExactly("BTCUSDT", "SOLUSDT");
        assertThat(meters.get("nova.execution.universe.revision").gauge().value()).isEqualTo(3);
        assertThat(meters.get("nova.execution.universe.symbols").gauge().value()).isEqualTo(2);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aForgedUnsealedOrUndecodableRecordIsRefusedCountedPagedOnceAndTheUniverseInForceStays() {
        listener.accept(record(EventCodec.encode(selection(3, "BTCUSDT", "SOLUSDT")), SEAL));

        byte[] forged = EventCodec.encode(selection(4, "BTCUSDT", "DOGEUSDT"));
        assertThat(listener.accept(record(forged, FORGER))).isFalse();
        assertThat(listener.accept(record(forged, FORGER))).isFalse();
        assertThat(listener.accept(record(forged, RecordSeal.none()))).isFalse();
        assertThat(listener.accept(record(forged, RecordSeal.parse(RecordSeal.generate("other"))))).isFalse();
        assertThat(listener.accept(record("{not a universe".getBytes(StandardCharsets.UTF_8), SEAL))).isFalse();
        assertThat(listener.accept(record(null, SEAL))).isFalse();
        assertThat(listener.accept(record(EventCodec.encode(selection(2, "DOGEUSDT")), SEAL))).isFalse();

        assertThat(universe.revision()).isEqualTo(3);
        assertThat(universe.member("DOGEUSDT")).isFalse();
        assertThat(universe.tracked()).containsExactly("BTCUSDT", "SOLUSDT");
        assertThat(refused("BAD_SEAL")).isEqualTo(2);
        assertThat(refused("UNSIGNED")).isEqualTo(1);
        assertThat(refused("UNKNOWN_KEY")).isEqualTo(1);
        assertThat(refused("UNDECODABLE")).isEqualTo(2);
        assertThat(refused("OLD_REVISION")).isEqualTo(1);
        assertThat(alerts).filteredOn(a -> a.severity() == Severity.CRITICAL).extracting(Raised::text)
                .hasSize(3).allSatisfy(text -> assertThat(text).startsWith("Universe record refused: ")
                        .contains("The universe in force (revision 3) stays"));
        assertThat(alerts).extracting(Raised::code).containsOnly(UniverseListener.ALERT);
    }
}
