package com.novaquant.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A Binance-compatible exchange: spot under /spot, USD-M under /futures, on one port. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExchangeSimulatorApplication.class, args);
    }
}
