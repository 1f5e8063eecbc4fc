package com.novaquant.execution.application;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Set while the latest margin check is CRITICAL: no decision grows a pair meanwhile, so a signal cannot add back what
 * the margin watch is reducing. Cleared by the next check that is not critical.
 */
public class MarginAlarm {

    private final AtomicBoolean critical = new AtomicBoolean();

    public void set(boolean value) {
        critical.set(value);
    }

    public boolean critical() {
        return critical.get();
    }
}
