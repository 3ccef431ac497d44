package org.wgtrack.wg;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Parses IPv4 and IPv6 literals without ever touching a resolver, with the one grammar every
 * address in wgtrack goes through ({@link IpBytes}: inet_pton's, what wg prints and takes), so
 * wg-quick files, wgtrack.conf and the dump accept exactly the same addresses.
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        // A scoped IPv6 literal (fe80::1%eth0) is still a literal: nothing to resolve.
        int scope = text.indexOf('%');
        int end = scope > 0 && text.indexOf(':') >= 0 ? scope : text.length();
        return Optional.ofNullable(IpBytes.address(text, 0, end));
    }
}
