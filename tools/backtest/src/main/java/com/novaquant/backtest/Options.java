package com.novaquant.backtest;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A command's {@code --name value} options; an unknown name, a missing value or a bad number is a clear error. */
final class Options {

    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();

    Options(String command, String[] args, int from, Set<String> known) {
        this.command = command;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException(command + ": expected an option, got '" + arg + "'");
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new UsageException(command + ": unknown option --" + name + "; known: --"
                        + String.join(", --", known));
            }
            if (i + 1 >= args.length) {
                throw new UsageException(command + ": --" + name + " needs a value");
            }
            values.put(name, args[++i]);
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException(command + ": --" + name + " is required");
        }
        return value;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    double number(String name, double fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " is a number, not '" + value + "'");
        }
    }

    int whole(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " is a whole number, not '" + value + "'");
        }
    }

    YearMonth month(String name) {
        String value = required(name);
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(command + ": --" + name + " is a month like 2024-03, not '" + value + "'");
        }
    }

    /** A wrong command line: the message says what to change. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
