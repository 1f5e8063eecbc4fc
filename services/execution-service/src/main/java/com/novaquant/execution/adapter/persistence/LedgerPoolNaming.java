package com.novaquant.execution.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every connection of the ledger's pool the lease holder's name as its {@code application_name}, before the
 * pool opens its first connection: the ledger's fence lets through only the writes of the lease holder's
 * connections.
 */
public class LedgerPoolNaming implements BeanPostProcessor {

    static final String APPLICATION_NAME = "ApplicationName";

    private final LeaseHolderName holder;

    public LedgerPoolNaming(LeaseHolderName holder) {
        this.holder = holder;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            pool.addDataSourceProperty(APPLICATION_NAME, holder.value());
        }
        return bean;
    }
}
