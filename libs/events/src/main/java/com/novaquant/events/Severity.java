package com.novaquant.events;

/** Alert tiers: INFO is batched into the daily summary, WARNING is immediate, CRITICAL is immediate and repeated until acknowledged. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
