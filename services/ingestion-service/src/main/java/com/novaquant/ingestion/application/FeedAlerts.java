package com.novaquant.ingestion.application;

import com.novaquant.events.Severity;

/** Raises alerts for the sentinel ({@code nova.alerts}). May block briefly: never call it on the event loop. */
public interface FeedAlerts {

    void raise(Severity severity, String code, String text, String dedupKey);
}
