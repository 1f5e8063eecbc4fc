package com.novaquant.alert.application;

import com.novaquant.events.Severity;

/**
 * Raises an alert of the alert service's own on {@code nova.alerts} (a refused Telegram user, a new universe), where
 * it takes the path of any other alert: a port, the service's alert publisher in production.
 */
@FunctionalInterface
public interface OwnAlerts {

    void raise(Severity severity, String code, String text, String dedupKey);
}
