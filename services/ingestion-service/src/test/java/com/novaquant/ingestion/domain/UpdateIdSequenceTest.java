package com.novaquant.ingestion.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateIdSequenceTest {

    final UpdateIdSequence sequence = new UpdateIdSequence(2);

    @Test
    void firstUpdateOfAStreamIsAcceptedEvenWithIdZero() {
        assertThat(sequence.advance(0, 0)).isTrue();
    }

    @Test
    void newerUpdateIdsAreAccepted() {
        assertThat(sequence.advance(0, 100)).isTrue();
        assertThat(sequence.advance(0, 101)).isTrue();
        assertThat(sequence.advance(0, 250)).as("gaps are fine: bookTicker ids are not contiguous").isTrue();
    }

    @Test
    void duplicateUpdateIdIsRefused() {
        sequence.advance(0, 100);

        assertThat(sequence.advance(0, 100)).isFalse();
    }

    @Test
    void olderUpdateIdIsRefusedAndDoesNotLowerTheMark() {
        sequence.advance(0, 100);

        assertThat(sequence.advance(0, 99)).isFalse();
        assertThat(sequence.advance(0, 100)).as("the last accepted id is still 100").isFalse();
        assertThat(sequence.advance(0, 101)).isTrue();
    }

    @Test
    void streamsAreIndependent() {
        sequence.advance(0, 100);

        assertThat(sequence.advance(1, 5)).isTrue();
        assertThat(sequence.advance(0, 5)).isFalse();
    }

    @Test
    void resetOnReconnectLetsTheStreamBeginItsIdsAgain() {
        sequence.advance(0, 100);
        sequence.advance(1, 100);

        sequence.reset(0);

        assertThat(sequence.advance(0, 1)).isTrue();
        assertThat(sequence.advance(0, 1)).as("the rule holds again after the reset").isFalse();
        assertThat(sequence.advance(1, 1)).as("only the reset stream forgets").isFalse();
    }
}
