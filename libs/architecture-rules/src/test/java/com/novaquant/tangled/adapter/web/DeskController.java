package com.novaquant.tangled.adapter.web;

import com.novaquant.tangled.adapter.kafka.DeskListener;

/** Breaks the adapter rule: the web adapter uses the Kafka adapter. */
public class DeskController {

    public DeskListener listener() {
        return new DeskListener();
    }
}
