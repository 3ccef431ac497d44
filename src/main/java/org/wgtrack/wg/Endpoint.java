package org.wgtrack.wg;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A peer endpoint as wg(8) and wg-quick write it: {@code host:port}, {@code 192.0.2.1:51820}
 * or {@code [2001:db8::1]:51820}. The host is a hostname or an IP literal; only hostnames
 * are ever re-resolved.
 *
 * <p>A value class with a record's API and equality; not a record because it keeps its text, as
 * {@link AllowedIp} does: the outputs write every peer's endpoints every cycle.
 */
public final class Endpoint {

    private final String host;
    private final int port;
    /** {@link #toString}, built on first use; a race builds an equal String twice, which is harmless. */
    private String text;
    /**
     * {@link #isHostname}, found on first use ({@code 0} not yet, {@code 1} an IP literal,
     * {@code 2} a hostname): every cycle asks it of every peer's configured endpoint, and the
     * answer takes parsing the host. Racy like {@link #text}, with the same answer either way.
     */
    private byte hostKind;

    public Endpoint(String host, int port) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("endpoint host is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("endpoint port out of range (expected 0..65535, got " + port + ")");
        }
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /**
     * An endpoint as an operator writes it in a configuration file (wg-quick, systemd-networkd,
     * NetworkManager, wgtrack.conf): {@link #parse}'s shapes, with no whitespace or bracket inside
     * the host and a bracketed host that is an IPv6 literal. Empty when the text is none of these.
     */
    public static Optional<Endpoint> parseConfigured(String text) {
        Endpoint endpoint;
        try {
            endpoint = parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = endpoint.host();
        for (int i = 0; i < host.length(); i++) {
            if (Character.isWhitespace(host.charAt(i)) || host.charAt(i) == '[' || host.charAt(i) == ']') {
                return Optional.empty();
            }
        }
        if (text.strip().startsWith("[")) {
            int percent = host.indexOf('%');
            String address = percent < 0 ? host : host.substring(0, percent);
            if (address.indexOf(':') < 0 || IpLiteral.parse(address).isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(endpoint);
    }

    /** Parses {@code host:port} or {@code [v6]:port}; throws IllegalArgumentException with a reason. */
    public static Endpoint parse(String text) {
        String s = text.strip();
        String host;
        String portText;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("bad endpoint (expected [address]:port, got " + text + ")");
            }
            host = s.substring(1, close);
            portText = s.substring(close + 2);
        } else {
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || s.indexOf(':') != colon) {
                throw new IllegalArgumentException("bad endpoint (expected host:port or [address]:port, got " + text + ")");
            }
            host = s.substring(0, colon);
            portText = s.substring(colon + 1);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad endpoint port (expected 0..65535, got " + text + ")");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bad endpoint port (expected 0..65535, got " + text + ")");
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("bad endpoint (empty host in " + text + ")");
        }
        return new Endpoint(host, port);
    }

    public static Endpoint of(InetAddress address, int port) {
        return new Endpoint(IpText.format(address), port);
    }

    /** The literal address if the host is an IPv4 or IPv6 literal; empty for hostnames. */
    public Optional<InetAddress> literalAddress() {
        return IpLiteral.parse(host);
    }

    public boolean isHostname() {
        byte kind = hostKind;
        if (kind == 0) {
            kind = literalAddress().isEmpty() ? (byte) 2 : (byte) 1;
            hostKind = kind;
        }
        return kind == 2;
    }

    /** The form wg(8) takes and prints: IPv6 hosts in brackets. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
            text = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint other && host.equals(other.host) && port == other.port;
    }

    @Override
    public int hashCode() {
        return 31 * host.hashCode() + port;
    }
}
