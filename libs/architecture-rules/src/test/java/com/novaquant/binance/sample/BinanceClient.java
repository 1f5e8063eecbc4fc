package com.novaquant.binance.sample;

/** Stands for the Binance libraries. */
public class BinanceClient {
}
