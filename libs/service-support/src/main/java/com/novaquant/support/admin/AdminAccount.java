package com.novaquant.support.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One named admin account: {@code name:ROLE:{bcrypt}$2a$12$...}. The password is stored only as a Spring
 * {@code DelegatingPasswordEncoder} string of a bcrypt hash (cost 10 or more); a plaintext password, {@code {noop}}
 * or any other encoding is refused at start-up. Make an entry with {@code ./nq hash-password NAME ROLE}.
 *
 * @param name         the HTTP Basic user name and the name the audit trail records
 * @param role         what the account may do
 * @param passwordHash {@code {bcrypt}...}
 */
public record AdminAccount(String name, AdminRole role, String passwordHash) {

    /** Letters, digits and {@code . _ @ -}: no separator of the entry format, nothing a log could misread. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** Modular crypt bcrypt ($2a$, $2b$ or $2y$), as {@code BCryptPasswordEncoder} reads it. */
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$(\\d\\d)\\$[./0-9A-Za-z]{53}");
    /** Below this cost a hash is too cheap to guess offline. */
    static final int MIN_BCRYPT_COST = 10;
    /** Between entries: commas (a YAML list or one environment variable), semicolons, spaces or newlines. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    public AdminAccount {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an account name is 1-64 letters, digits or . _ @ -");
        }
        if (role == null) {
            throw new IllegalArgumentException("account '" + name + "' has no role");
        }
        checkHash(name, passwordHash);
    }

    /**
     * Reads every account of {@code nova.admin.accounts}. Errors name the entry by its position and account name,
     * never by its text: a mistyped entry may hold a plaintext password.
     *
     * @throws IllegalArgumentException on a malformed entry, a plaintext or weak password or a name given twice
     */
    public static List<AdminAccount> parseAll(List<String> entries) {
        Map<String, AdminAccount> byName = new LinkedHashMap<>();
        int position = 0;
        for (String entry : entries == null ? List.<String>of() : entries) {
            for (String item : SEPARATORS.split(entry == null ? "" : entry.strip())) {
                if (item.isEmpty()) {
                    continue;
                }
                position++;
                AdminAccount account = parse(item, position);
                // Spring's user store ignores the case of names: so does this check.
                if (byName.putIfAbsent(account.name().toLowerCase(Locale.ROOT), account) != null) {
                    throw new IllegalArgumentException("nova.admin.accounts: account '" + account.name()
                            + "' is listed twice");
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static AdminAccount parse(String item, int position) {
        String[] parts = item.split(":", 3);
        String where = "nova.admin.accounts: entry " + position;
        if (parts.length != 3) {
            throw new IllegalArgumentException(where + " is not name:ROLE:{bcrypt}hash");
        }
        if (!NAME.matcher(parts[0]).matches()) {
            throw new IllegalArgumentException(where + ": an account name is 1-64 letters, digits or . _ @ -");
        }
        AdminRole role;
        try {
            role = AdminRole.parse(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " (account '" + parts[0] + "'): " + e.getMessage());
        }
        return new AdminAccount(parts[0], role, parts[2]);
    }

    private static void checkHash(String name, String hash) {
        Matcher bcrypt = BCRYPT.matcher(hash == null ? "" : hash);
        if (!bcrypt.matches()) {
            throw new IllegalArgumentException("nova.admin.accounts: account '" + name + "' must hold a {bcrypt} password"
                    + " hash, never a plaintext password (make one with ./nq hash-password)");
        }
        int cost = Integer.parseInt(bcrypt.group(1));
        if (cost < MIN_BCRYPT_COST || cost > 31) {
            throw new IllegalArgumentException("nova.admin.accounts: account '" + name + "' has a bcrypt cost of "
                    + cost + "; use " + MIN_BCRYPT_COST + " to 31");
        }
    }

    /** The entry without its hash. */
    @Override
    public String toString() {
        return "AdminAccount[name=" + name + ", role=" + role + ", passwordHash=******]";
    }
}
