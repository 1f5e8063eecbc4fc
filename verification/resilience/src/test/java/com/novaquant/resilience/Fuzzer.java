package com.novaquant.resilience;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small seeded mutation fuzzer for JSON inputs: each call takes a valid document and breaks it one way (truncated,
 * bytes flipped, a value swapped for NaN, a huge or negative number, a wrong type, an unknown schema version, deep
 * nesting, an oversized string, trailing garbage, random bytes). The same seed gives the same inputs, so a failure
 * found in CI is found again on a laptop.
 */
final class Fuzzer {

    private static final List<String> HOSTILE_VALUES = List.of("NaN", "-1", "1e400", "-0", "99999999999999999999999999999",
            "\"x\"", "null", "[]", "{}", "true", "\"\\u0000\"", "\"-Infinity\"", "0x10", "1_000");

    private final SplittableRandom random;

    Fuzzer(long seed) {
        random = new SplittableRandom(seed);
    }

    byte[] mutate(byte[] seed) {
        String text = new String(seed, StandardCharsets.UTF_8);
        return switch (random.nextInt(11)) {
            case 0 -> Arrays.copyOf(seed, random.nextInt(Math.max(1, seed.length)));
            case 1 -> flip(seed);
            case 2 -> replaceValue(text).getBytes(StandardCharsets.UTF_8);
            case 3 -> text.replaceFirst("\"v\":1", "\"v\":" + (2 + random.nextInt(100))).getBytes(StandardCharsets.UTF_8);
            case 4 -> text.replaceFirst("\"type\":\"[a-z-]+\"", "\"type\":\"no-such-type\"").getBytes(StandardCharsets.UTF_8);
            case 5 -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            case 6 -> text.replaceFirst(":\"[^\"]*\"", ":\"" + "x".repeat(100_000) + "\"").getBytes(StandardCharsets.UTF_8);
            case 7 -> (text + text).getBytes(StandardCharsets.UTF_8);
            case 8 -> randomBytes(1 + random.nextInt(512));
            case 9 -> new byte[0];
            default -> text.replaceAll("\"([A-Za-z]+)\":", "\"$1_\":").getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A short hostile query parameter value, URL-encoded. */
    String token() {
        String raw = switch (random.nextInt(6)) {
            case 0 -> HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> "";
            case 3 -> "1".repeat(5_000);
            case 4 -> new String(randomBytes(16), StandardCharsets.ISO_8859_1);
            default -> String.valueOf(-random.nextInt(1000));
        };
        return URLEncoder.encode(raw, StandardCharsets.UTF_8);
    }

    private byte[] flip(byte[] seed) {
        byte[] copy = seed.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private String replaceValue(String text) {
        String hostile = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
        int colon = nthColon(text, random.nextInt(Math.max(1, count(text, ':'))));
        if (colon < 0) {
            return hostile;
        }
        int end = colon + 1;
        int depth = 0;
        boolean inString = false;
        for (; end < text.length(); end++) {
            char ch = text.charAt(end);
            if (ch == '"' && text.charAt(end - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (ch == '{' || ch == '[')) {
                depth++;
            } else if (!inString && (ch == '}' || ch == ']')) {
                if (depth-- == 0) {
                    break;
                }
            } else if (!inString && depth == 0 && ch == ',') {
                break;
            }
        }
        return text.substring(0, colon + 1) + hostile + text.substring(end);
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    private static int nthColon(String text, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = text.indexOf(':', at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
