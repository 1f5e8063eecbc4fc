package com.novaquant.execution.application;

/**
 * What the sender tells of one leg on its way, for the dispatcher's timing of a two-leg execution: when the order is
 * handed to the venue, and when the venue's answer is in (before any query that resolves an ambiguous answer).
 */
interface LegProgress {

    /** A leg nobody times. */
    LegProgress NONE = new LegProgress() {
        @Override
        public void handedOver() {
        }

        @Override
        public void answered(long requestNanos, long answerNanos) {
        }
    };

    /** Right before the request goes to the venue. */
    void handedOver();

    /**
     * The venue answered (or the request failed).
     *
     * @param requestNanos {@link System#nanoTime()} when the request left
     * @param answerNanos  {@link System#nanoTime()} when its answer came in
     */
    void answered(long requestNanos, long answerNanos);
}
