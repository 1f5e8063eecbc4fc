package com.novaquant.support.config;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Binds a properties record as a service's context would, without one. */
public final class PropertyBinding {

    private PropertyBinding() {
    }

    /** From properties as application.yml or the command line give them ({@code nova.symbols}). */
    public static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }

    /** From environment variables ({@code NOVA_SYMBOLS}), mapped the way Boot maps the process environment. */
    public static <T> T bindEnvironment(String prefix, Class<T> type, Map<String, Object> variables) {
        return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables))).bindOrCreate(prefix, type);
    }

    /** What the record refused the properties with: the binding fails, and the record's reason is in its causes. */
    public static InvalidConfigurationException refusal(String prefix, Class<?> type, Map<String, String> properties) {
        Throwable failure = catchThrowable(() -> bind(prefix, type, properties));
        assertThat(failure).isInstanceOf(BindException.class);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException refused) {
                return refused;
            }
        }
        throw new AssertionError("no InvalidConfigurationException behind " + failure);
    }
}
