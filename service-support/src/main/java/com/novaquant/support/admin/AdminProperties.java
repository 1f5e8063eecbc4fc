package com.novaquant.support.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credentials of the admin API ({@code nova.admin.*}): HTTP Basic, one operator account.
 *
 * @param username the operator's user name; default {@code operator}
 * @param password from the environment ({@code NOVA_ADMIN_PASSWORD}) only; without it every admin call is refused
 */
@ConfigurationProperties("nova.admin")
public record AdminProperties(String username, String password) {

    public AdminProperties {
        username = username == null || username.isBlank() ? "operator" : username;
        password = password == null || password.isBlank() ? null : password;
    }

    public boolean locked() {
        return password == null;
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=" + (locked() ? "<unset>" : "******") + "]";
    }
}
