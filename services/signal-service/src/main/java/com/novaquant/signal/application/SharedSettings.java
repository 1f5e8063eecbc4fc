package com.novaquant.signal.application;

import com.novaquant.events.SignalSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The settings every replica shares through a journal ({@link SettingsJournal}, the compacted
 * {@code nova.signal-settings} topic). A change is validated here, written to the journal, and applied here once the
 * journal acknowledged it; every replica, the writer included, reads the journal and applies each record through
 * {@link LiveSettings#replace}.
 *
 * <p><b>Which record is in force.</b> The last valid record on the journal: a record applies when it comes after the
 * one in force. Every replica reads the journal in the same order, so all converge on the same record, and
 * compaction, which keeps the last record of the key, keeps exactly that one for a replica started later. A record
 * that does not bind or validate is counted ({@code nova_signal_settings_refused_total{reason="INVALID"}}), logged and
 * skipped: the settings in force stay.
 *
 * <p><b>Revisions.</b> A writer first reads the journal to its end, then numbers its change one above the highest
 * revision on it, so revisions grow with every change. Changes on one replica are written one at a time; two made on
 * two replicas within the same few milliseconds may take the same number, and the later on the journal holds on every
 * replica (the earlier one's writer answers that it was superseded if it already saw the later one).
 */
public final class SharedSettings {

    private static final Logger log = LoggerFactory.getLogger(SharedSettings.class);

    private final LiveSettings live;
    private final SettingsJournal journal;
    private final SignalMetrics metrics;
    private final LongSupplier clockMs;
    private final Duration timeout;
    /** One change at a time from this replica, so its own changes never share a revision. */
    private final ReentrantLock writing = new ReentrantLock();

    /** The journal position of the record in force; -1 while the start-up properties are. Guarded by this. */
    private long inForcePosition = -1;
    /** The highest revision read or written so far, valid or not. Guarded by this. */
    private long highestRevision;

    /**
     * @param timeout bound on each step of a change: reading the journal to its end, and the journal's
     *                acknowledgement of the new record
     */
    public SharedSettings(LiveSettings live, SettingsJournal journal, SignalMetrics metrics, LongSupplier clockMs,
                          Duration timeout) {
        this.live = live;
        this.journal = journal;
        this.metrics = metrics;
        this.clockMs = clockMs;
        this.timeout = timeout;
        metrics.settingsRevision(() -> live.current().revision().number());
    }

    public LiveSettings.Snapshot current() {
        return live.current();
    }

    /**
     * Reads the journal to its end, so that the latest shared settings are in force (the start-up properties when it
     * is empty), and says which are. Called before market data is read.
     *
     * @throws SettingsUnavailableException when the journal cannot be read within the timeout
     */
    public void catchUp(Duration within) {
        journal.catchUp(within);
        LiveSettings.Snapshot now = live.current();
        if (now.revision().startUp()) {
            log.info("No shared settings on the journal: the start-up properties are in force");
            return;
        }
        List<String> differing = SettingsJson.differences(live.startUpProperties(), now.properties());
        if (differing.isEmpty()) {
            log.info("Shared settings revision {} by {} at {} in force (the same as the start-up properties)",
                    now.revision().number(), LiveSettings.printable(now.revision().by()),
                    Instant.ofEpochMilli(now.revision().atMs()));
        } else {
            log.warn("Shared settings revision {} by {} at {} in force; they differ from this instance's start-up "
                            + "properties (nova.signal.*) in {}: start-up values apply only while no change has been "
                            + "made through PUT /admin/config", now.revision().number(),
                    LiveSettings.printable(now.revision().by()), Instant.ofEpochMilli(now.revision().atMs()),
                    differing);
        }
    }

    /**
     * Changes the settings for every replica: {@code edit} turns the settings in force into the new ones. They are
     * validated (nothing is written when they are invalid), the journal is read to its end and {@code edit} applied
     * again to the latest settings, the change is written with the next revision and, once acknowledged, applied here.
     *
     * @return the settings in force afterwards: the change
     * @throws InvalidSettingsException     listing every problem; nothing was written
     * @throws SettingsUnavailableException when the journal could not be read or did not acknowledge in time; nothing
     *                                      changed here
     * @throws SettingsSupersededException  when a change written after this one was already in force
     * @throws RuntimeException             whatever {@code edit} throws (e.g. unreadable values); nothing was written
     */
    public LiveSettings.Snapshot change(UnaryOperator<SignalProperties> edit, String by) {
        live.validate(edit.apply(live.current().properties()));
        boolean locked;
        try {
            locked = writing.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SettingsUnavailableException("interrupted while waiting for another change", e);
        }
        if (!locked) {
            throw new SettingsUnavailableException("another change from this instance was still being written after "
                    + timeout.toSeconds() + " s", null);
        }
        try {
            journal.catchUp(timeout);
            SignalProperties next = edit.apply(live.current().properties());
            live.validate(next);
            long revision;
            synchronized (this) {
                revision = Math.max(highestRevision, live.current().revision().number()) + 1;
            }
            SignalSettings record = new SignalSettings(revision, SettingsJson.tree(next), by, clockMs.getAsLong());
            long position = journal.append(record, timeout);
            return accept(record, next, position);
        } finally {
            writing.unlock();
        }
    }

    /**
     * A record read from the journal at {@code position}: applied when it comes after the one in force and its
     * settings bind and validate; counted, logged and skipped otherwise.
     *
     * @return whether it is now in force
     */
    public synchronized boolean offer(SignalSettings record, long position) {
        highestRevision = Math.max(highestRevision, record.revision());
        if (position <= inForcePosition) {
            return false;
        }
        try {
            live.replace(SettingsJson.read(record.settings()), revision(record));
        } catch (RuntimeException e) {
            metrics.settingsRefused(SignalMetrics.SettingsRefusal.INVALID);
            log.error("Refused shared settings revision {} by {} at {} (journal position {}); the settings in force "
                            + "(revision {}) stay: {}", record.revision(), LiveSettings.printable(record.by()),
                    Instant.ofEpochMilli(record.atMs()), position, live.current().revision().number(),
                    e instanceof InvalidSettingsException invalid ? invalid.violations() : e.getMessage());
            return false;
        }
        inForcePosition = position;
        return true;
    }

    /** This replica's own change, acknowledged at {@code position}. */
    private synchronized LiveSettings.Snapshot accept(SignalSettings record, SignalProperties next, long position) {
        highestRevision = Math.max(highestRevision, record.revision());
        if (position < inForcePosition) {
            throw new SettingsSupersededException(record.revision(), live.current().revision());
        }
        if (position > inForcePosition) {
            live.replace(next, revision(record));
            inForcePosition = position;
        }
        return live.current();
    }

    private static LiveSettings.Revision revision(SignalSettings record) {
        return new LiveSettings.Revision(record.revision(), record.by(), record.atMs());
    }
}
