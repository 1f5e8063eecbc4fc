package com.novaquant.binance.stream;

/** A live subscription change on an open connection (a metric tag: keep it a closed set). */
public enum SubscriptionChange {
    SUBSCRIBE,
    UNSUBSCRIBE
}
