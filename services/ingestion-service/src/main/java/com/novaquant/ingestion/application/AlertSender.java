package com.novaquant.ingestion.application;

import com.novaquant.events.Severity;
import com.novaquant.ingestion.domain.AlertThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Raises the watchdog's alerts (counted, logged; a failure to raise is logged, never thrown). The dedup key is
 * {@code <code>:<subject>}, the subject a connection or the symbols concerned.
 */
final class AlertSender {

    private static final Logger log = LoggerFactory.getLogger(FeedWatchdog.class);

    private final FeedAlerts alerts;
    private final IngestionMetrics metrics;
    private final AlertThrottle throttle;
    private final LongSupplier nanoClock;

    AlertSender(FeedAlerts alerts, IngestionMetrics metrics, Duration dedupWindow, LongSupplier nanoClock) {
        this.alerts = alerts;
        this.metrics = metrics;
        this.throttle = new AlertThrottle(dedupWindow.toNanos());
        this.nanoClock = nanoClock;
    }

    /** At most once per code and subject per de-duplication window: for conditions that can repeat. */
    void raiseThrottled(Severity severity, String code, String subject, String text) {
        if (throttle.tryRaise(code + ":" + subject, nanoClock.getAsLong())) {
            raise(severity, code, subject, text);
        }
    }

    /** Every time: for state changes, each of which is reported once. */
    void raise(Severity severity, String code, String subject, String text) {
        String dedupKey = code + ":" + subject;
        if (severity == Severity.INFO) {
            log.info("{} {}: {}", severity, code, text);
        } else {
            log.warn("{} {}: {}", severity, code, text);
        }
        metrics.alert(code);
        try {
            alerts.raise(severity, code, text, dedupKey);
        } catch (RuntimeException e) {
            log.error("could not raise {} alert for {}", code, subject, e);
        }
    }
}
