package com.novaquant.simulator.admin;

/** A body of one duration, {@code {"ms":..}}: a response delay, a clock advance. */
record Millis(Long ms) {
}
