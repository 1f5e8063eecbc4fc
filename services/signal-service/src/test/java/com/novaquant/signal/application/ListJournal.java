package com.novaquant.signal.application;

import com.novaquant.events.SignalSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A journal on a list, shared by the replicas of a test: its positions are the list's indexes, and each replica reads
 * it in order, as they read the Kafka topic. A replica reads when it catches up; {@link #deliver} reads for it at any
 * other moment. Appends can be made to fail, or to let something happen before they are acknowledged.
 */
public final class ListJournal {

    private final List<SignalSettings> records = new ArrayList<>();
    private final Map<SharedSettings, Integer> read = new HashMap<>();
    private final Map<SharedSettings, View> views = new HashMap<>();
    private RuntimeException failAppends;
    private RuntimeException failReads;
    private Consumer<Integer> beforeAcknowledgement = position -> { };

    /** The journal as one replica sees it; {@link #join} connects the replica to it. */
    public SettingsJournal view() {
        return new View();
    }

    /** Connects a replica built on {@code view} so that it reads this journal. */
    public synchronized void join(SettingsJournal view, SharedSettings replica) {
        View own = (View) view;
        own.replica = replica;
        views.put(replica, own);
        read.put(replica, 0);
    }

    public synchronized List<SignalSettings> records() {
        return List.copyOf(records);
    }

    /** Another writer's record (or anything written on the topic), appended without any replica reading it yet. */
    public synchronized int write(SignalSettings record) {
        records.add(record);
        return records.size() - 1;
    }

    /** The replica reads every record it has not read yet. */
    public synchronized void deliver(SharedSettings replica) {
        int from = read.get(replica);
        for (int position = from; position < records.size(); position++) {
            replica.offer(records.get(position), position);
        }
        read.put(replica, records.size());
    }

    public synchronized void failAppends(RuntimeException failure) {
        this.failAppends = failure;
    }

    public synchronized void failReads(RuntimeException failure) {
        this.failReads = failure;
    }

    /** Runs with the position of an appended record before the writer is told it was acknowledged. */
    public synchronized void beforeAcknowledgement(Consumer<Integer> action) {
        this.beforeAcknowledgement = action;
    }

    private final class View implements SettingsJournal {

        private SharedSettings replica;

        @Override
        public void catchUp(Duration timeout) {
            synchronized (ListJournal.this) {
                if (failReads != null) {
                    throw failReads;
                }
                deliver(replica);
            }
        }

        @Override
        public long append(SignalSettings settings, Duration timeout) {
            int position;
            synchronized (ListJournal.this) {
                if (failAppends != null) {
                    throw failAppends;
                }
                position = write(settings);
            }
            beforeAcknowledgement.accept(position);
            return position;
        }
    }
}
