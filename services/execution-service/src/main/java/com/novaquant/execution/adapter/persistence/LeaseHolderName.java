package com.novaquant.execution.adapter.persistence;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This process's name as the trading lease's holder: the {@code application_name} every one of its database
 * connections carries, which the ledger's fence compares with the lease row. Unique per process start, so a restarted
 * instance never passes for the one before it; within PostgreSQL's 63-character limit.
 */
public record LeaseHolderName(String value) {

    public LeaseHolderName {
        if (value == null || value.isBlank() || value.length() > 63) {
            throw new IllegalArgumentException("A lease holder name is 1 to 63 characters: " + value);
        }
    }

    /** {@code execution/<host>/<random>}: the host (the pod's name) for people, the random part for uniqueness. */
    public static LeaseHolderName forThisProcess() {
        String host = System.getenv().getOrDefault("HOSTNAME", "local");
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String suffix = HexFormat.of().formatHex(random);
        String prefix = "execution/" + (host.length() > 38 ? host.substring(0, 38) : host) + "/";
        return new LeaseHolderName(prefix + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
