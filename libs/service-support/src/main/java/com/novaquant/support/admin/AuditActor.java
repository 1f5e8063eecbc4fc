package com.novaquant.support.admin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.security.Principal;

/**
 * Who the audit trail records for an admin call: always the authenticated account, never a name the client chose.
 * A {@link AdminRole#DELEGATE} account (the alert service) acts for a person and names them in
 * {@value #ON_BEHALF_OF}; it is recorded as {@code "<account> for <person>"}, e.g.
 * {@code "alert-bridge for telegram:@alice"}. From any other account the header is ignored.
 */
public final class AuditActor {

    /** The request header a delegate names its person in. */
    public static final String ON_BEHALF_OF = "X-Nova-Actor";
    /** Longest person name kept; the rest is cut. */
    static final int MAX_PERSON = 100;
    private static final String DELEGATE_AUTHORITY = "ROLE_" + AdminRole.DELEGATE.name();

    private AuditActor() {
    }

    /**
     * @param principal   the authenticated caller
     * @param onBehalfOf  the {@value #ON_BEHALF_OF} header, or null
     * @return the account name, or {@code "<account> for <person>"} for a delegate that named a person
     */
    public static String of(Principal principal, String onBehalfOf) {
        String account = principal.getName();
        if (!isDelegate(principal)) {
            return account;
        }
        String person = printable(onBehalfOf);
        return person.isEmpty() ? account : account + " for " + person;
    }

    static boolean isDelegate(Principal principal) {
        return principal instanceof Authentication authentication && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(DELEGATE_AUTHORITY::equals);
    }

    /** Control characters become spaces (no forged log lines), whitespace runs collapse, length is bounded. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_PERSON));
        text.codePoints().map(c -> Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c)
                .forEach(out::appendCodePoint);
        String clean = out.toString().strip().replaceAll(" {2,}", " ");
        return clean.codePointCount(0, clean.length()) <= MAX_PERSON ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, MAX_PERSON));
    }
}
