package com.novaquant.support.admin;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminAccountTest {

    static final String ALICE_HASH = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("alice-password-1");
    static final String BOB_HASH = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("bob-password-22");

    @Test
    void entriesAreReadFromAListOrOneVariableSeparatedByCommasSemicolonsOrNewlines() {
        List<AdminAccount> accounts = AdminAccount.parseAll(List.of(
                "alice:OPERATOR:" + ALICE_HASH + "\n bob:viewer:" + BOB_HASH + " ;",
                "alert-bridge:Delegate:" + ALICE_HASH));

        assertThat(accounts).extracting(AdminAccount::name).containsExactly("alice", "bob", "alert-bridge");
        assertThat(accounts).extracting(AdminAccount::role)
                .containsExactly(AdminRole.OPERATOR, AdminRole.VIEWER, AdminRole.DELEGATE);
        assertThat(accounts.get(1).passwordHash()).isEqualTo(BOB_HASH);
        assertThat(accounts.toString()).doesNotContain(BOB_HASH.substring(8));
    }

    @Test
    void aPlaintextPasswordInTheAccountsIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> AdminAccount.parseAll(List.of("alice:OPERATOR:correct-horse-battery")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alice").hasMessageContaining("plaintext")
                .hasMessageNotContaining("correct-horse-battery");
        assertThatThrownBy(() -> AdminAccount.parseAll(List.of("alice:OPERATOR:{noop}correct-horse-battery")))
                .hasMessageContaining("plaintext").hasMessageNotContaining("correct-horse-battery");
        // name:password (no role) must not echo the password either.
        assertThatThrownBy(() -> AdminAccount.parseAll(List.of("alice:correct-horse-battery")))
                .hasMessageNotContaining("correct-horse-battery");
        assertThatThrownBy(() -> AdminAccount.parseAll(List.of("alice:correct-horse-battery:" + ALICE_HASH)))
                .hasMessageContaining("unknown role").hasMessageNotContaining("correct-horse-battery");
        assertThatThrownBy(() -> AdminAccount.parseAll(List.of("correct-horse/battery:OPERATOR:" + ALICE_HASH)))
                .hasMessageNotContaining("correct-horse");
    }

    @Test
    void otherEncodingsAndCheapHashesAreRefused() {
        String md5ish = "{MD5}5f4dcc3b5aa765d61d8327deb882cf99";
        assertThatThrownBy(() -> AdminAccount.parseAll(List.of("alice:OPERATOR:" + md5ish)))
                .hasMessageContaining("{bcrypt}");
        String cheap = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("alice-password-1");
        assertThatThrownBy(() -> AdminAccount.parseAll(List.of("alice:OPERATOR:" + cheap)))
                .hasMessageContaining("cost of 4");
        assertThatThrownBy(() -> AdminAccount.parseAll(List.of("alice:OPERATOR:" + ALICE_HASH.substring(0, 40))))
                .hasMessageContaining("{bcrypt}");
    }

    @Test
    void aNameGivenTwiceInAnyCaseIsRefused() {
        assertThatThrownBy(() -> AdminAccount.parseAll(List.of("alice:OPERATOR:" + ALICE_HASH,
                "Alice:VIEWER:" + BOB_HASH))).hasMessageContaining("listed twice");
    }

    @Test
    void hashPasswordMakesAnEntryTheServiceAccepts() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = HashPassword.run(new String[]{"alert-bridge", "delegate"}, null,
                new java.io.BufferedReader(new java.io.StringReader("bridge-secret-123\n")),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));

        assertThat(code).as(err.toString()).isZero();
        String entry = out.toString().strip();
        assertThat(entry).startsWith("alert-bridge:DELEGATE:{bcrypt}$2a$12$").doesNotContain("bridge-secret-123");
        AdminAccount account = AdminAccount.parseAll(List.of(entry)).get(0);
        assertThat(new BCryptPasswordEncoder().matches("bridge-secret-123", account.passwordHash().substring(8))).isTrue();

        assertThat(HashPassword.run(new String[]{"x", "ROOT"}, null, new java.io.BufferedReader(new java.io.StringReader("")),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))).isEqualTo(2);
        assertThat(HashPassword.run(new String[0], null, new java.io.BufferedReader(new java.io.StringReader("short\n")),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))).isEqualTo(1);
    }
}
