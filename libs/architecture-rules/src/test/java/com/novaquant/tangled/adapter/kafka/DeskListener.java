package com.novaquant.tangled.adapter.kafka;

import com.novaquant.binance.sample.BinanceClient;
import com.novaquant.tangled.application.CarryDesk;

/**
 * Breaks the Binance rule (a Kafka adapter using the Binance library) and closes a cycle: application, web adapter,
 * Kafka adapter, application.
 */
public class DeskListener {

    public void onRecord(CarryDesk desk, BinanceClient client) {
    }
}
