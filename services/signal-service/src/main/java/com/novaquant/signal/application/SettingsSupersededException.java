package com.novaquant.signal.application;

/**
 * A change reached the shared settings, but a change written after it (from another replica, at the same moment) was
 * already in force here: the later one holds on every replica.
 */
public final class SettingsSupersededException extends RuntimeException {

    private final LiveSettings.Revision inForce;

    public SettingsSupersededException(long revision, LiveSettings.Revision inForce) {
        super("revision " + revision + " was written, but revision " + inForce.number() + " by "
                + LiveSettings.printable(inForce.by()) + " was written after it at the same moment and is in force");
        this.inForce = inForce;
    }

    public LiveSettings.Revision inForce() {
        return inForce;
    }
}
