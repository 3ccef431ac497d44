package org.wgtrack.wg;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Parses IPv4 and IPv6 literals without ever touching a resolver. */
public final class IpLiteral {

    private IpLiteral() {
    }

    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        // A scoped IPv6 literal (fe80::1%eth0) is still a literal: nothing to resolve.
        int scope = text.indexOf('%');
        if (scope > 0 && text.indexOf(':') >= 0) {
            text = text.substring(0, scope);
        }
        if (!looksLikeLiteral(text)) {
            return Optional.empty();
        }
        try {
            // InetAddress.getByName does no lookup for a string that is a literal
            // (looksLikeLiteral guarantees only digits, dots, hex digits and colons reach it).
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikeLiteral(String text) {
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean ok = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }
}
