package com.novaquant.tidy.config;

import com.novaquant.binance.sample.BinanceClient;
import com.novaquant.tidy.adapter.binance.BinanceQuotes;
import com.novaquant.tidy.application.CarryDesk;

/** The wiring: joins the adapter to the application. */
public class TidyWiring {

    public BinanceQuotes quotes() {
        return new BinanceQuotes(new BinanceClient(), new CarryDesk());
    }
}
