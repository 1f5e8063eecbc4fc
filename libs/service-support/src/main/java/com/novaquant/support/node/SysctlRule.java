package com.novaquant.support.node;

import java.util.Map;

/**
 * How the value a node shows for a sysctl is held against the value the desk is tuned for. Values are compared as
 * whitespace-separated fields, so {@code "4096 87380 16777216"} and the kernel's {@code "4096\t87380\t16777216"} are
 * the same value. The rule of a setting is chosen by what the setting is for:
 * <ul>
 * <li>{@link #AT_LEAST}, field by field: ceilings and sizes, where more is never worse for the desk ({@code fs.file-max},
 * {@code net.core.rmem_max}, {@code net.core.wmem_max}, {@code net.ipv4.tcp_rmem}, {@code net.ipv4.tcp_wmem},
 * {@code net.core.somaxconn}, ...);</li>
 * <li>{@link #RANGE_COVERS}: {@code net.ipv4.ip_local_port_range} may be wider than asked, never narrower;</li>
 * <li>{@link #ALL_BITS}: {@code net.ipv4.tcp_fastopen} is a bit mask, every bit asked for must be set (4 is not "more"
 * than 3: it turns client and server mode off);</li>
 * <li>{@link #EXACT} for everything else, the keepalive timings among them: they define when a dead peer is given up,
 * shorter or longer is a different behaviour, not a better one.</li>
 * </ul>
 */
public enum SysctlRule {

    EXACT {
        @Override
        String describe(String expected) {
            return normalise(expected);
        }

        @Override
        boolean holds(String[] expected, String[] actual) {
            if (expected.length != actual.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                Long e = number(expected[i]);
                Long a = number(actual[i]);
                boolean same = e != null && a != null ? e.longValue() == a.longValue() : expected[i].equals(actual[i]);
                if (!same) {
                    return false;
                }
            }
            return true;
        }
    },

    AT_LEAST {
        @Override
        String describe(String expected) {
            String[] fields = fields(expected);
            return "at least " + normalise(expected) + (fields.length > 1 ? " (each field)" : "");
        }

        @Override
        boolean holds(String[] expected, String[] actual) {
            long[] e = numbers(expected);
            long[] a = numbers(actual);
            if (e == null || a == null || e.length != a.length) {
                return false;
            }
            for (int i = 0; i < e.length; i++) {
                if (a[i] < e[i]) {
                    return false;
                }
            }
            return true;
        }
    },

    RANGE_COVERS {
        @Override
        String describe(String expected) {
            String[] fields = fields(expected);
            return fields.length == 2 ? "a range covering " + fields[0] + " to " + fields[1] : normalise(expected);
        }

        @Override
        boolean holds(String[] expected, String[] actual) {
            long[] e = numbers(expected);
            long[] a = numbers(actual);
            if (e == null || a == null || e.length != 2 || a.length != 2) {
                return EXACT.holds(expected, actual);
            }
            return a[0] <= e[0] && a[1] >= e[1];
        }
    },

    ALL_BITS {
        @Override
        String describe(String expected) {
            Long e = number(normalise(expected));
            return e == null ? normalise(expected) : e + " (every bit of 0x" + Long.toHexString(e) + " set)";
        }

        @Override
        boolean holds(String[] expected, String[] actual) {
            long[] e = numbers(expected);
            long[] a = numbers(actual);
            if (e == null || a == null || e.length != 1 || a.length != 1) {
                return EXACT.holds(expected, actual);
            }
            return (a[0] & e[0]) == e[0];
        }
    };

    /** The rule of each setting that is not compared exactly (see the class comment for why). */
    private static final Map<String, SysctlRule> RULES = Map.ofEntries(
            Map.entry("fs.file-max", AT_LEAST),
            Map.entry("fs.nr_open", AT_LEAST),
            Map.entry("net.core.rmem_max", AT_LEAST),
            Map.entry("net.core.wmem_max", AT_LEAST),
            Map.entry("net.core.rmem_default", AT_LEAST),
            Map.entry("net.core.wmem_default", AT_LEAST),
            Map.entry("net.core.somaxconn", AT_LEAST),
            Map.entry("net.core.netdev_max_backlog", AT_LEAST),
            Map.entry("net.ipv4.tcp_max_syn_backlog", AT_LEAST),
            Map.entry("net.ipv4.tcp_rmem", AT_LEAST),
            Map.entry("net.ipv4.tcp_wmem", AT_LEAST),
            Map.entry("net.ipv4.ip_local_port_range", RANGE_COVERS),
            Map.entry("net.ipv4.tcp_fastopen", ALL_BITS));

    /** The rule for a sysctl name ({@link #EXACT} unless listed). */
    public static SysctlRule of(String name) {
        return RULES.getOrDefault(name, EXACT);
    }

    /** Whether the value read from the kernel satisfies the expected one. */
    public boolean holds(String expected, String actual) {
        return holds(fields(expected), fields(actual));
    }

    /** The expected value as an operator reads it: "at least 16777216", "a range covering 1024 to 65535". */
    abstract String describe(String expected);

    abstract boolean holds(String[] expected, String[] actual);

    static String normalise(String value) {
        return String.join(" ", fields(value));
    }

    static String[] fields(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }

    private static Long number(String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static long[] numbers(String[] fields) {
        long[] numbers = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Long n = number(fields[i]);
            if (n == null) {
                return null;
            }
            numbers[i] = n;
        }
        return fields.length == 0 ? null : numbers;
    }
}
