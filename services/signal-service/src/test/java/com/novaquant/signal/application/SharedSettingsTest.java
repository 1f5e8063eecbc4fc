package com.novaquant.signal.application;

import com.novaquant.events.SignalSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedSettingsTest {

    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ListJournal journal = new ListJournal();
    private final AtomicLong clock = new AtomicLong(1_772_000_000_000L);

    /** One replica on the shared journal, with its own start-up properties and meters. */
    private final class Replica {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final SignalMetrics metrics = new SignalMetrics(registry);
        final LiveSettings live;
        final SharedSettings shared;

        Replica(SignalProperties startUp) {
            live = new LiveSettings(startUp, SYMBOLS);
            SettingsJournal view = journal.view();
            shared = new SharedSettings(live, view, metrics, clock::incrementAndGet, TIMEOUT);
            journal.join(view, shared);
        }

        Replica() {
            this(defaults());
        }

        double entry() {
            return live.current().policy().entryThresholdApr();
        }

        LiveSettings.Revision revision() {
            return live.current().revision();
        }
    }

    @Test
    void aValidChangeIsWrittenWithTheFirstRevisionAndAppliedOnceAcknowledged() {
        Replica replica = new Replica();
        assertThat(replica.revision().number()).isZero();
        assertThat(replica.revision().by()).isEqualTo(LiveSettings.Revision.START_UP);

        LiveSettings.Snapshot after = replica.shared.change(entry(0.2), "alice");

        assertThat(journal.records()).singleElement().satisfies(record -> {
            assertThat(record.revision()).isEqualTo(1);
            assertThat(record.by()).isEqualTo("alice");
            assertThat(record.atMs()).isEqualTo(1_772_000_000_001L);
            assertThat(record.settings()).isEqualTo(SettingsJson.tree(after.properties()));
            assertThat(record.settings().get("entryThresholdApr").asDouble()).isEqualTo(0.2);
        });
        assertThat(after.revision()).isEqualTo(new LiveSettings.Revision(1, "alice", 1_772_000_000_001L));
        assertThat(replica.entry()).isEqualTo(0.2);
        assertThat(replica.registry.get("nova.signal.settings.revision").gauge().value()).isEqualTo(1.0);
        // Read back from the journal later, its own record is already in force: nothing changes.
        journal.deliver(replica.shared);
        assertThat(replica.revision().number()).isEqualTo(1);
    }

    @Test
    void anInvalidChangeWritesNothingAndChangesNothing() {
        Replica replica = new Replica();
        journal.failReads(new IllegalStateException("an invalid change must not even read the journal"));

        assertThatThrownBy(() -> replica.shared.change(entry(-0.5), "alice"))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.violations())
                        .contains("entry-threshold-apr must be positive, was -0.5"));
        assertThatThrownBy(() -> replica.shared.change(base -> {
            throw new IllegalArgumentException("unreadable");
        }, "alice")).hasMessage("unreadable");

        assertThat(journal.records()).isEmpty();
        assertThat(replica.revision().number()).isZero();
        assertThat(replica.entry()).isEqualTo(0.15);
    }

    @Test
    void aChangeKafkaDoesNotAcknowledgeIsNotAppliedAndTheErrorSaysWhy() {
        Replica replica = new Replica();
        journal.failAppends(new SettingsUnavailableException("Kafka did not acknowledge the change within 1000 ms",
                null));

        assertThatThrownBy(() -> replica.shared.change(entry(0.2), "alice"))
                .isInstanceOf(SettingsUnavailableException.class).hasMessageContaining("did not acknowledge");

        assertThat(replica.entry()).isEqualTo(0.15);
        assertThat(replica.revision().number()).isZero();
    }

    @Test
    void aChangeIsNotWrittenWhenTheJournalCannotBeReadToItsEnd() {
        Replica replica = new Replica();
        journal.failReads(new SettingsUnavailableException("could not read nova.signal-settings to its end", null));

        assertThatThrownBy(() -> replica.shared.change(entry(0.2), "alice"))
                .isInstanceOf(SettingsUnavailableException.class);

        assertThat(journal.records()).isEmpty();
        assertThat(replica.entry()).isEqualTo(0.15);
    }

    @Test
    void everyReplicaTakesEveryChangeWithItsRevisionAuthorAndTime() {
        Replica a = new Replica();
        Replica b = new Replica();

        a.shared.change(entry(0.2), "alice");
        b.shared.catchUp(TIMEOUT);
        assertThat(b.entry()).isEqualTo(0.2);
        assertThat(b.revision()).isEqualTo(a.revision());

        // B changes the latest settings (A's change included), numbered after A's.
        b.shared.change(sizing(2500.0), "bob");
        journal.deliver(a.shared);
        assertThat(a.revision()).isEqualTo(new LiveSettings.Revision(2, "bob", 1_772_000_000_002L));
        assertThat(a.live.current().properties()).isEqualTo(b.live.current().properties());
        assertThat(a.entry()).isEqualTo(0.2);
        assertThat(a.live.current().symbolPolicy("BTCUSDT").notional()).isEqualTo(2500.0);

        // A replica started later reads the journal to its end before deciding anything.
        Replica c = new Replica();
        c.shared.catchUp(TIMEOUT);
        assertThat(c.revision().number()).isEqualTo(2);
        assertThat(c.live.current().properties()).isEqualTo(a.live.current().properties());
    }

    @Test
    void aChangeAppliesToTheLatestSettingsEvenWhenThisReplicaHadNotReadThemYet() {
        Replica a = new Replica();
        Replica b = new Replica();
        a.shared.change(entry(0.2), "alice");

        b.shared.change(sizing(2500.0), "bob");

        assertThat(journal.records()).extracting(SignalSettings::revision).containsExactly(1L, 2L);
        assertThat(b.entry()).isEqualTo(0.2);
        assertThat(journal.records().get(1).settings().get("entryThresholdApr").asDouble()).isEqualTo(0.2);
    }

    @Test
    void aRecordThatDoesNotValidateIsCountedAndSkippedAndTheNextChangeIsNumberedAfterIt() {
        Replica replica = new Replica();
        ObjectNode invalid = SettingsJson.tree(defaults()).put("entryThresholdApr", -1.0);
        ObjectNode unknownField = SettingsJson.tree(defaults()).put("entryTreshold", 0.3);
        ObjectNode otherSymbol = SettingsJson.tree(defaults());
        otherSymbol.putObject("symbols").putObject("XRPUSDT").put("fundingIntervalHours", 4);
        journal.write(new SignalSettings(5, invalid, "mallory", 1L));
        journal.write(new SignalSettings(6, unknownField, "a newer build", 2L));
        journal.write(new SignalSettings(7, otherSymbol, "mallory", 3L));

        replica.shared.catchUp(TIMEOUT);

        assertThat(replica.metrics.settingsRefusals(SignalMetrics.SettingsRefusal.INVALID)).isEqualTo(3);
        assertThat(replica.revision().number()).isZero();
        assertThat(replica.entry()).isEqualTo(0.15);
        assertThat(replica.shared.change(entry(0.2), "alice").revision().number()).isEqualTo(8);
    }

    @Test
    void theLastValidRecordOnTheJournalHoldsOnEveryReplicaWhateverItsRevision() {
        Replica a = new Replica();
        Replica b = new Replica();
        // Two changes written at the same moment from two replicas, both numbered 1; B's came later on the journal.
        SignalSettings fromA = new SignalSettings(1, SettingsJson.tree(with(0.2)), "alice", 10L);
        SignalSettings fromB = new SignalSettings(1, SettingsJson.tree(with(0.3)), "bob", 11L);
        journal.write(fromA);
        journal.write(fromB);

        journal.deliver(a.shared);
        journal.deliver(b.shared);
        Replica later = new Replica();
        later.shared.catchUp(TIMEOUT);

        for (Replica replica : List.of(a, b, later)) {
            assertThat(replica.entry()).isEqualTo(0.3);
            assertThat(replica.revision().by()).isEqualTo("bob");
        }
        // An older position read again (a replay of what was read) is not applied.
        assertThat(a.shared.offer(fromA, 0)).isFalse();
        assertThat(a.entry()).isEqualTo(0.3);
    }

    @Test
    void aChangeOvertakenOnTheJournalBeforeItsAcknowledgementIsReportedAsSuperseded() {
        Replica a = new Replica();
        journal.beforeAcknowledgement(position -> {
            // another replica's change lands after A's, and A's reader has read both before the acknowledgement
            journal.write(new SignalSettings(1, SettingsJson.tree(with(0.3)), "bob", 50L));
            journal.deliver(a.shared);
        });

        assertThatThrownBy(() -> a.shared.change(entry(0.2), "alice"))
                .isInstanceOfSatisfying(SettingsSupersededException.class,
                        e -> assertThat(e.inForce().by()).isEqualTo("bob"))
                .hasMessageContaining("revision 1 by bob was written after it");
        assertThat(a.entry()).isEqualTo(0.3);
    }

    @Test
    void itsOwnChangeReadBackBeforeTheAcknowledgementIsTheChange() {
        Replica a = new Replica();
        journal.beforeAcknowledgement(position -> journal.deliver(a.shared));

        LiveSettings.Snapshot after = a.shared.change(entry(0.2), "alice");

        assertThat(after.revision().number()).isEqualTo(1);
        assertThat(a.entry()).isEqualTo(0.2);
    }

    @Test
    void startUpPropertiesThatDifferFromTheSharedSettingsAreNamed() {
        assertThat(SettingsJson.differences(defaults(), defaults())).isEmpty();
        SignalProperties changed = SettingsJson.read(SettingsJson.tree(with(0.2)).put("cooldown", "PT5S"));
        assertThat(SettingsJson.differences(defaults(), changed)).containsExactly("cooldown", "entryThresholdApr");
        ObjectNode sized = SettingsJson.tree(defaults());
        ((ObjectNode) sized.get("sizing")).put("totalCap", 9000.0);
        sized.putObject("symbols").putObject("ETHUSDT").put("notional", 500.0);
        assertThat(SettingsJson.differences(defaults(), SettingsJson.read(sized)))
                .containsExactly("sizing.totalCap", "symbols.ETHUSDT");
    }

    private static UnaryOperator<SignalProperties> entry(double apr) {
        return base -> {
            ObjectNode tree = SettingsJson.tree(base);
            tree.put("entryThresholdApr", apr);
            return SettingsJson.read(tree);
        };
    }

    private static UnaryOperator<SignalProperties> sizing(double notionalPerSymbol) {
        return base -> {
            ObjectNode tree = SettingsJson.tree(base);
            ((ObjectNode) tree.get("sizing")).put("notionalPerSymbol", notionalPerSymbol);
            return SettingsJson.read(tree);
        };
    }

    private static SignalProperties with(double entryThresholdApr) {
        return entry(entryThresholdApr).apply(defaults());
    }

    private static SignalProperties defaults() {
        return new SignalProperties(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
