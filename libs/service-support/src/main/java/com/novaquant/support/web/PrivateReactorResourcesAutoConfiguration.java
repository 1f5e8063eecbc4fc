package com.novaquant.support.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each application context owns its Reactor Netty event loops and connection pools instead of Reactor Netty's
 * process-wide ones. With the global ones, closing one context disposes them for the whole process: every other
 * context's server in that JVM stops answering (requests hang until their timeout) and its WebClients lose their
 * connections. One service per JVM never sees that; tests that run several applications in one JVM, and a context
 * restarted in place, would.
 */
@AutoConfiguration
@ConditionalOnClass(ReactorResourceFactory.class)
public class PrivateReactorResourcesAutoConfiguration {

    @Bean
    static BeanPostProcessor privateReactorResources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ReactorResourceFactory factory) {
                    factory.setUseGlobalResources(false);
                }
                return bean;
            }
        };
    }
}
