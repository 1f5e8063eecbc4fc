package com.novaquant.execution;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Execution service: two-leg orders, leg-risk policy, kill switch, ledger and admin API */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExecutionApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExecutionApplication.class, args);
    }
}
