package com.novaquant.localstack;

import java.nio.file.Path;

/**
 * The command line of {@code ./nq run}. A mistake is answered with what was wrong and the usage, never a stack trace.
 *
 * @param market  {@code synthetic} (the simulator's own market) or {@code live} (Binance's real public streams)
 * @param workDir logs and state
 * @param help    only the usage was asked for
 */
record LocalDeskOptions(String market, Path workDir, boolean help) {

    static final String USAGE = "usage: ./nq run [--market synthetic|live] [--work-dir DIR]";

    /** A command line that cannot be run: {@link #getMessage()} says why, for the user. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static LocalDeskOptions parse(String... args) throws UsageException {
        String market = "synthetic";
        Path workDir = Path.of(".local-stack");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--market" -> market = value(args, ++i, "--market");
                case "--work-dir" -> workDir = Path.of(value(args, ++i, "--work-dir"));
                case "--help", "-h" -> {
                    return new LocalDeskOptions(market, workDir, true);
                }
                default -> throw new UsageException("unknown argument '" + args[i] + "'");
            }
        }
        if (!market.equals("synthetic") && !market.equals("live")) {
            throw new UsageException("--market must be synthetic or live, not '" + market + "'");
        }
        return new LocalDeskOptions(market, workDir, false);
    }

    private static String value(String[] args, int at, String option) throws UsageException {
        if (at >= args.length || args[at].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[at];
    }
}
