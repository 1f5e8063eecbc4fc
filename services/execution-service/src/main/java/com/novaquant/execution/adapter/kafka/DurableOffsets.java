package com.novaquant.execution.adapter.kafka;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which consumed offsets may be committed: per partition, everything below the oldest record whose decision is
 * not yet durable. Records are decided out of order across symbols, so an offset is committed only once every
 * record before it is done: a crash never skips a signal that was not decided, and at worst redelivers some that
 * were (the ledger refuses those as duplicates). Thread-safe; the rate is a few records a second.
 */
final class DurableOffsets {

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();

    synchronized void received(TopicPartition partition, long offset) {
        Partition p = partitions.computeIfAbsent(partition, k -> new Partition());
        p.inFlight.add(offset);
        p.next = Math.max(p.next, offset + 1);
    }

    synchronized void done(TopicPartition partition, long offset) {
        Partition p = partitions.get(partition);
        if (p != null) {
            p.inFlight.remove(offset);
        }
    }

    /** The offsets to commit now (those that moved since the last call), marked as committed. */
    synchronized Map<TopicPartition, OffsetAndMetadata> takeCommittable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        partitions.forEach((partition, p) -> {
            long committable = p.inFlight.isEmpty() ? p.next : p.inFlight.first();
            if (committable > p.committed) {
                p.committed = committable;
                out.put(partition, new OffsetAndMetadata(committable));
            }
        });
        return out;
    }

    /** Forgets partitions this consumer no longer (or newly) owns: their positions start afresh. */
    synchronized void forget(Collection<TopicPartition> changed) {
        changed.forEach(partitions::remove);
    }

    /** Records received and not yet durably decided, over every partition. */
    synchronized int inFlight() {
        return partitions.values().stream().mapToInt(p -> p.inFlight.size()).sum();
    }

    private static final class Partition {
        final TreeSet<Long> inFlight = new TreeSet<>();
        long next = -1;
        long committed = -1;
    }
}
