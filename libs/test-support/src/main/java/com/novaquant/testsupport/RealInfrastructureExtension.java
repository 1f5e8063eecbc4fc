package com.novaquant.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts the shared servers for {@link RealInfrastructure} and injects them as parameters. */
public final class RealInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        KafkaServer kafka = SharedInfrastructure.kafka();
        System.setProperty("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        RealInfrastructure annotation = context.getRequiredTestClass().getAnnotation(RealInfrastructure.class);
        if (annotation != null && annotation.postgres()) {
            PostgresServer postgres = SharedInfrastructure.postgres();
            System.setProperty("spring.datasource.url", postgres.jdbcUrl());
            System.setProperty("spring.datasource.username", postgres.username());
            System.setProperty("spring.datasource.password", postgres.password());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaServer.class || type == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaServer.class
                ? SharedInfrastructure.kafka()
                : SharedInfrastructure.postgres();
    }
}
