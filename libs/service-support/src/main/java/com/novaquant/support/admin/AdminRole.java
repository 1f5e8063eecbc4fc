package com.novaquant.support.admin;

import java.util.List;
import java.util.Locale;

/**
 * What an admin account may do. Each role grants its own Spring Security role and everything below it:
 * <ul>
 *     <li>{@code VIEWER}: every read ({@code GET}/{@code HEAD}: status, PnL, positions, orders, configuration).</li>
 *     <li>{@code OPERATOR}: a viewer's reads and every state-changing call ({@code POST}/{@code PUT}/{@code PATCH}/
 *     {@code DELETE}: kill switch, release, flatten, configuration changes).</li>
 *     <li>{@code DELEGATE}: an operator that acts for someone else (the alert service for a Telegram user) and may
 *     name that person in {@value AuditActor#ON_BEHALF_OF}; the audit trail then records
 *     {@code "<account> for <person>"}. Any other role's {@value AuditActor#ON_BEHALF_OF} is ignored.</li>
 * </ul>
 */
public enum AdminRole {

    VIEWER("VIEWER"),
    OPERATOR("VIEWER", "OPERATOR"),
    DELEGATE("VIEWER", "OPERATOR", "DELEGATE");

    private final List<String> grants;

    AdminRole(String... grants) {
        this.grants = List.of(grants);
    }

    /** The Spring Security roles (without the {@code ROLE_} prefix) an account of this role holds. */
    public List<String> grantedRoles() {
        return grants;
    }

    /**
     * Parses a role name, ignoring case. An unknown name is refused without repeating it: a mistyped entry may hold a
     * password in that place, and start-up errors end up in logs.
     */
    public static AdminRole parse(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (AdminRole role : values()) {
            if (role.name().equals(wanted)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role (one of VIEWER, OPERATOR, DELEGATE)");
    }
}
