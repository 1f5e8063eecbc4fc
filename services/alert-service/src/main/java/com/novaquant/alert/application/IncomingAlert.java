package com.novaquant.alert.application;

import com.novaquant.events.Alert;

/**
 * An alert as consumed, with where it came from: the outbox remembers the highest offset it holds per partition, so a
 * batch consumed again after a crash (stored, but its offsets not yet committed) is not stored twice.
 *
 * @param partition the source topic-partition, e.g. {@code nova.alerts-2}
 */
public record IncomingAlert(Alert alert, String partition, long offset) {
}
