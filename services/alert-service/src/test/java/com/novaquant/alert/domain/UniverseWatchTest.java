package com.novaquant.alert.domain;

import com.novaquant.events.UniverseSelection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UniverseWatchTest {

    private static final long STARTED = 10_000;
    private final UniverseWatch watch = new UniverseWatch(STARTED);

    @Test
    void nothingIsShownBeforeARecordIsSeen() {
        assertThat(watch.shown()).isEmpty();
    }

    @Test
    void revisionsChosenBeforeStartUpAreShownButNotAnnounced() {
        assertThat(watch.observe(chosenAt(5, STARTED - 60_000))).isEmpty();
        assertThat(watch.observe(chosenAt(6, STARTED - 1))).isEmpty();

        assertThat(watch.shown()).get().extracting(UniverseSelection::revision).isEqualTo(6L);
    }

    @Test
    void aNewerRevisionChosenSinceStartUpIsAnnouncedAgainstTheOneShownBefore() {
        watch.observe(chosenAt(6, STARTED - 1));

        UniverseChange change = watch.observe(chosenAt(7, STARTED + 5)).orElseThrow();

        assertThat(change.previous().revision()).isEqualTo(6);
        assertThat(change.current().revision()).isEqualTo(7);
        assertThat(change.entered()).extracting(UniverseSelection.Member::symbol).containsExactly("R7USDT");
        assertThat(watch.shown()).get().extracting(UniverseSelection::revision).isEqualTo(7L);
    }

    @Test
    void anOlderOrRepeatedRevisionChangesNothing() {
        watch.observe(chosenAt(7, STARTED + 5));

        assertThat(watch.observe(chosenAt(7, STARTED + 6))).isEmpty();
        assertThat(watch.observe(chosenAt(3, STARTED + 7))).isEmpty();
        assertThat(watch.shown()).get().extracting(UniverseSelection::atMs).isEqualTo(STARTED + 5);
    }

    private static UniverseSelection chosenAt(long revision, long atMs) {
        String symbol = "R" + revision + "USDT";
        return new UniverseSelection(revision, atMs, atMs - 1,
                List.of(UniverseTextTest.member(symbol, "100", 0.2)), List.of(symbol), List.of());
    }
}
