package com.novaquant.tidy.adapter.binance;

import com.novaquant.binance.sample.BinanceClient;
import com.novaquant.tidy.application.CarryDesk;

/** The Binance adapter: the one place that uses the Binance library. */
public class BinanceQuotes {

    public BinanceQuotes(BinanceClient client, CarryDesk desk) {
    }
}
