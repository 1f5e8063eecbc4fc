package com.novaquant.events;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordSealTest {

    private static final byte[] VALUE = "{\"type\":\"signal\",\"symbol\":\"BTCUSDT\"}".getBytes(StandardCharsets.UTF_8);
    private final String k1 = RecordSeal.generate("k1");
    private final String k2 = RecordSeal.generate("k2");

    @Test
    void aSealedRecordVerifiesWithTheSameKey() {
        RecordSeal seal = RecordSeal.parse(k1);
        RecordHeaders headers = new RecordHeaders();
        seal.seal(Topics.SIGNALS, "BTCUSDT", VALUE, headers);
        assertThat(seal.verify(Topics.SIGNALS, "BTCUSDT", VALUE, headers)).isEqualTo(RecordSeal.Verdict.SEALED);
    }

    @Test
    void aForgedWellFormedRecordIsRefused() {
        RecordHeaders headers = new RecordHeaders();
        RecordSeal.parse(RecordSeal.generate("k1")).seal(Topics.SIGNALS, "BTCUSDT", VALUE, headers);
        assertThat(RecordSeal.parse(k1).verify(Topics.SIGNALS, "BTCUSDT", VALUE, headers))
                .as("same key id, another secret").isEqualTo(RecordSeal.Verdict.BAD_SEAL);
    }

    @Test
    void aChangedValueKeyOrTopicBreaksTheSeal() {
        RecordSeal seal = RecordSeal.parse(k1);
        RecordHeaders headers = new RecordHeaders();
        seal.seal(Topics.SIGNALS, "BTCUSDT", VALUE, headers);
        byte[] changed = VALUE.clone();
        changed[changed.length - 3] = 'X';
        assertThat(seal.verify(Topics.SIGNALS, "BTCUSDT", changed, headers)).isEqualTo(RecordSeal.Verdict.BAD_SEAL);
        assertThat(seal.verify(Topics.SIGNALS, "ETHUSDT", VALUE, headers)).isEqualTo(RecordSeal.Verdict.BAD_SEAL);
        assertThat(seal.verify(Topics.CONTROL, "BTCUSDT", VALUE, headers)).isEqualTo(RecordSeal.Verdict.BAD_SEAL);
    }

    @Test
    void anUnsealedRecordAndAnUnknownKeyAreToldApart() {
        RecordSeal seal = RecordSeal.parse(k1);
        assertThat(seal.verify(Topics.SIGNALS, "BTCUSDT", VALUE, new RecordHeaders()))
                .isEqualTo(RecordSeal.Verdict.UNSIGNED);
        RecordHeaders other = new RecordHeaders();
        RecordSeal.parse(k2).seal(Topics.SIGNALS, "BTCUSDT", VALUE, other);
        assertThat(seal.verify(Topics.SIGNALS, "BTCUSDT", VALUE, other)).isEqualTo(RecordSeal.Verdict.UNKNOWN_KEY);
    }

    @Test
    void rotationSealsWithTheFirstKeyAndVerifiesWithEvery() {
        RecordSeal consumer = RecordSeal.parse(k1 + "," + k2);
        RecordSeal oldProducer = RecordSeal.parse(k1);
        RecordSeal newProducer = RecordSeal.parse(k2 + "," + k1);
        RecordHeaders before = new RecordHeaders();
        oldProducer.seal(Topics.SIGNALS, "BTCUSDT", VALUE, before);
        RecordHeaders after = new RecordHeaders();
        newProducer.seal(Topics.SIGNALS, "BTCUSDT", VALUE, after);
        assertThat(newProducer.signingKeyId()).isEqualTo("k2");
        assertThat(consumer.verify(Topics.SIGNALS, "BTCUSDT", VALUE, before)).isEqualTo(RecordSeal.Verdict.SEALED);
        assertThat(consumer.verify(Topics.SIGNALS, "BTCUSDT", VALUE, after)).isEqualTo(RecordSeal.Verdict.SEALED);
    }

    @Test
    void badKeysAreRefusedWithoutShowingTheSecret() {
        assertThatThrownBy(() -> RecordSeal.parse("k1:c2hvcnQ=")).hasMessageContaining("k1")
                .hasMessageContaining("at least 32").hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> RecordSeal.parse("k1:***")).hasMessageContaining("base64");
        assertThatThrownBy(() -> RecordSeal.parse(k1 + "," + k1)).hasMessageContaining("twice");
        assertThatThrownBy(() -> RecordSeal.parse("no-colon")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RecordSeal.parse(" ").enabled()).isFalse();
        assertThat(RecordSeal.parse(k1).toString()).doesNotContain(k1.substring(3));
    }
}
