package com.novaquant.alert.application;

import java.util.List;

/**
 * Where the codes waiting for confirmation are kept, so a restart of alert-service (a rollout, a crash) does not
 * void a /resume or /flatten that one operator asked for and another is about to confirm.
 */
public interface ConfirmationStore {

    List<ConfirmationCodes.Pending> load();

    /** Replaces what is stored with these (the whole set is small: a few codes, minutes each). */
    void save(List<ConfirmationCodes.Pending> pending);

    /** Kept in memory only: lost on restart (tests, and a desk without a volume). */
    static ConfirmationStore inMemory() {
        return new ConfirmationStore() {
            private List<ConfirmationCodes.Pending> kept = List.of();

            @Override
            public synchronized List<ConfirmationCodes.Pending> load() {
                return kept;
            }

            @Override
            public synchronized void save(List<ConfirmationCodes.Pending> pending) {
                kept = List.copyOf(pending);
            }
        };
    }
}
