package com.novaquant.support.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.util.List;

/**
 * Accounts of the admin API ({@code nova.admin.*}), HTTP Basic. Two sources, both optional:
 * <ul>
 *     <li>{@code accounts} ({@code NOVA_ADMIN_ACCOUNTS}): named accounts, each {@code name:ROLE:{bcrypt}hash} (see
 *     {@link AdminAccount}); entries separated by commas, semicolons, spaces or newlines, or given as a YAML list.
 *     Only hashes are stored; a plaintext password there stops the service at start-up.</li>
 *     <li>{@code username} / {@code password} ({@code NOVA_ADMIN_USERNAME} / {@code NOVA_ADMIN_PASSWORD}): the shared
 *     single account of earlier releases, an OPERATOR. The password is given in plain and hashed in memory; meant for
 *     the local desk and tests, leave it unset where named accounts exist.</li>
 * </ul>
 * With neither, no account exists and every protected call is refused. Bound by signal and execution (their admin
 * API) and by the alert service (the shared account it calls execution with when it has none of its own); the user
 * name's default is this record's, and no service's application.yml repeats it.
 *
 * @param username the single account's user name; default {@code operator}
 * @param password the single account's password, from the environment ({@code NOVA_ADMIN_PASSWORD}) only
 * @param accounts named accounts, {@code name:ROLE:{bcrypt}hash}
 */
@ConfigurationProperties("nova.admin")
public record AdminProperties(String username, String password, List<String> accounts) {

    @ConstructorBinding
    public AdminProperties {
        username = username == null || username.isBlank() ? "operator" : username;
        password = password == null || password.isBlank() ? null : password;
        accounts = accounts == null ? List.of() : accounts.stream().filter(a -> a != null && !a.isBlank()).toList();
    }

    /** Only the shared single account (no named accounts). */
    public AdminProperties(String username, String password) {
        this(username, password, List.of());
    }

    /** No account at all: every protected call is refused. */
    public boolean locked() {
        return password == null && accounts.isEmpty();
    }

    /** Whether the shared single account ({@code NOVA_ADMIN_PASSWORD}) exists. */
    public boolean sharedAccount() {
        return password != null;
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=" + (password == null ? "<unset>" : "******")
                + ", accounts=" + (accounts.isEmpty() ? "<none>" : accounts.size() + " (******)") + "]";
    }
}
