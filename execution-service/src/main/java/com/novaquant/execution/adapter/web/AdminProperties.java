package com.novaquant.execution.adapter.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admin API credentials ({@code nova.admin.*}). The password comes from the environment
 * ({@code NOVA_ADMIN_PASSWORD}); without it every admin call is refused.
 */
@ConfigurationProperties("nova.admin")
public record AdminProperties(@DefaultValue("operator") String username, String password) {

    public boolean locked() {
        return password == null || password.isBlank();
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=" + (locked() ? "<unset>" : "****") + "]";
    }
}
