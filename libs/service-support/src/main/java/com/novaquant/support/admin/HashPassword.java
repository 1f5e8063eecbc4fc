package com.novaquant.support.admin;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Makes an admin account entry for {@code NOVA_ADMIN_ACCOUNTS}: {@code ./nq hash-password [NAME ROLE]}. The
 * password is read from the terminal (twice, not echoed) or from standard input (one line), never from the command
 * line, so it stays out of the shell history and the process list. Prints {@code {bcrypt}...}, or the whole entry
 * {@code NAME:ROLE:{bcrypt}...} when a name and role are given.
 */
public final class HashPassword {

    /** The cost of a new hash: about a quarter of a second per check on a server core. */
    static final int COST = 12;
    /** bcrypt reads no further than 72 bytes: a longer password would silently lose its tail. */
    static final int MAX_BYTES = 72;
    static final int MIN_LENGTH = 12;

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.console(), new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.out, System.err));
    }

    static int run(String[] args, Console console, BufferedReader stdin, PrintStream out, PrintStream err)
            throws IOException {
        if (args.length != 0 && args.length != 2) {
            err.println("usage: ./nq hash-password [NAME ROLE]   (ROLE: VIEWER, OPERATOR or DELEGATE)");
            err.println("       reads the password from the terminal, or one line from standard input");
            return 2;
        }
        String prefix = "";
        if (args.length == 2) {
            AdminRole role;
            try {
                role = AdminRole.parse(args[1]);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
            prefix = args[0] + ":" + role.name() + ":";
        }
        String password = read(console, stdin, err);
        if (password == null) {
            return 1;
        }
        String problem = problem(password);
        if (problem != null) {
            err.println(problem);
            return 1;
        }
        String entry = prefix + "{bcrypt}" + new BCryptPasswordEncoder(COST).encode(password);
        if (!prefix.isEmpty()) {
            // The account's own checks: a name the service would refuse is refused here, before anyone deploys it.
            try {
                AdminAccount.parseAll(List.of(entry));
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        out.println(entry);
        return 0;
    }

    static String problem(String password) {
        if (password.isBlank()) {
            return "empty password";
        }
        if (password.length() < MIN_LENGTH) {
            return "at least " + MIN_LENGTH + " characters, please (e.g. openssl rand -base64 18)";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "at most " + MAX_BYTES + " bytes: bcrypt ignores the rest";
        }
        return null;
    }

    private static String read(Console console, BufferedReader stdin, PrintStream err) throws IOException {
        if (console != null) {
            char[] first = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                err.println("the two passwords differ");
                return null;
            }
            Arrays.fill(again, ' ');
            return new String(first);
        }
        String line = stdin.readLine();
        if (line == null) {
            err.println("no password on standard input");
            return null;
        }
        // Only the line ending goes: spaces may be part of the password.
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
