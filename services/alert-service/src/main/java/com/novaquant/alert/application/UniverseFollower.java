package com.novaquant.alert.application;

import com.novaquant.alert.domain.UniverseText;
import com.novaquant.alert.domain.UniverseWatch;
import com.novaquant.events.Severity;
import com.novaquant.events.UniverseSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Follows the traded universe for the operator: {@code /status} shows the newest revision, and each new revision is
 * announced as an INFO alert ({@code UNIVERSE_CHANGED}) through {@code nova.alerts}, so it takes the same path as any
 * other alert (outbox, de-duplication, the daily digest, HTML escaping). Nothing is acted on.
 */
public final class UniverseFollower {

    /** The alert code of a new revision. */
    public static final String CHANGED = "UNIVERSE_CHANGED";

    private static final Logger log = LoggerFactory.getLogger(UniverseFollower.class);

    private final UniverseWatch watch;
    private final UniverseText text;
    private final OwnAlerts alerts;

    public UniverseFollower(UniverseWatch watch, UniverseText text, OwnAlerts alerts) {
        this.watch = watch;
        this.text = text;
        this.alerts = alerts;
    }

    /** Takes one record of the universe topic (already decoded and, with signing keys, verified). */
    public void follow(UniverseSelection selection) {
        watch.observe(selection).ifPresent(change -> {
            String message = text.changeMessage(change);
            log.info("{}", message);
            // One dedup key per revision: each change is its own line in the digest, a repeat of one collapses.
            alerts.raise(Severity.INFO, CHANGED, message, CHANGED + ":r" + selection.revision());
        });
    }

    /** The universe line of {@code /status}, once a universe record was seen. */
    public Optional<String> statusLine() {
        return watch.shown().map(text::statusLine);
    }
}
