package com.novaquant.alert.application;

import com.novaquant.alert.domain.PendingAlert;

import java.util.Collection;
import java.util.List;

/**
 * The durable hand-off between consuming and delivering. An alert is appended (and forced to disk) before its Kafka
 * offset is committed, and closed once delivered (or, for a CRITICAL, once acknowledged). After a restart,
 * {@link #recover()} returns everything not yet closed.
 */
public interface AlertOutbox {

    /** What survived the last run. */
    Recovered recover();

    /**
     * Durably stores the alerts not stored before (by partition and offset) and returns them with their ids.
     *
     * @throws java.io.UncheckedIOException when they could not be made durable: the caller must not commit offsets
     */
    List<PendingAlert> append(List<IncomingAlert> alerts);

    /** Records a first delivery. A WARNING or INFO is closed by it; a CRITICAL stays open until acknowledged. */
    void markSent(Collection<PendingAlert> alerts);

    /** Records that an operator acknowledged these CRITICALs. */
    void markAcknowledged(Collection<PendingAlert> alerts);

    /**
     * @param pending        stored, never delivered, in arrival order
     * @param unacknowledged CRITICALs delivered but not acknowledged
     */
    record Recovered(List<PendingAlert> pending, List<PendingAlert> unacknowledged) {
    }
}
