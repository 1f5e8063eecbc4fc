package com.novaquant.events;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.scram.ScramLoginModule;

import java.util.Map;

/**
 * What a producer, consumer or admin client adds to its configuration to log in with SASL/SCRAM-SHA-512:
 * {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config}. The values hold a password: pass
 * them to Kafka (which masks {@code sasl.jaas.config} in its own logs), never to a logger.
 */
public final class ScramClientProperties {

    public static final String MECHANISM = "SCRAM-SHA-512";

    private ScramClientProperties() {
    }

    /** A login over a listener without TLS (a broker on loopback, the local desk). */
    public static Map<String, Object> of(String username, String password) {
        return of(username, password, SecurityProtocol.SASL_PLAINTEXT);
    }

    /**
     * A login over {@code protocol}: {@code SASL_SSL} for a broker across a network (MSK's SCRAM port 9096),
     * {@code SASL_PLAINTEXT} on loopback. Refuses a protocol without SASL: it would send no login at all.
     */
    public static Map<String, Object> of(String username, String password, SecurityProtocol protocol) {
        if (protocol != SecurityProtocol.SASL_SSL && protocol != SecurityProtocol.SASL_PLAINTEXT) {
            throw new IllegalArgumentException("a SCRAM login needs SASL_SSL or SASL_PLAINTEXT, not " + protocol);
        }
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name,
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(username, password));
    }

    /** The JAAS line; quotes and backslashes would end or escape the quoted value, so they are refused. */
    public static String jaasConfig(String username, String password) {
        return ScramLoginModule.class.getName() + " required username=\"" + quotable(username, "user name")
                + "\" password=\"" + quotable(password, "password") + "\";";
    }

    private static String quotable(String value, String what) {
        if (value == null || value.isEmpty() || value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(what + " must be non-empty without quotes or backslashes");
        }
        return value;
    }
}
