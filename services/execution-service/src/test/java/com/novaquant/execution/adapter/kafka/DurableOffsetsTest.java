package com.novaquant.execution.adapter.kafka;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DurableOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("nova.signals", 0);
    private static final TopicPartition P1 = new TopicPartition("nova.signals", 1);

    private final DurableOffsets offsets = new DurableOffsets();

    @Test
    void aLaterSignalDecidedFirstIsNotCommittedPastAnEarlierOneStillUndecided() {
        offsets.received(P0, 10);
        offsets.received(P0, 11);
        offsets.received(P0, 12);
        offsets.done(P0, 12);
        offsets.done(P0, 11);
        assertThat(offsets.takeCommittable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
        offsets.done(P0, 10);
        assertThat(offsets.takeCommittable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13)));
        assertThat(offsets.inFlight()).isZero();
    }

    @Test
    void partitionsAreCommittedEachOnItsOwnAndOnlyWhenTheyMoved() {
        offsets.received(P0, 5);
        offsets.received(P1, 7);
        offsets.done(P1, 7);
        assertThat(offsets.takeCommittable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(5), P1, new OffsetAndMetadata(8)));
        assertThat(offsets.takeCommittable()).isEmpty();
        offsets.done(P0, 5);
        assertThat(offsets.takeCommittable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(6)));
    }

    @Test
    void aPartitionForgottenOnRebalanceStartsAfresh() {
        offsets.received(P0, 3);
        offsets.forget(List.of(P0));
        offsets.done(P0, 3);
        assertThat(offsets.takeCommittable()).isEmpty();
        offsets.received(P0, 3);
        assertThat(offsets.inFlight()).isEqualTo(1);
        assertThat(offsets.takeCommittable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
    }
}
