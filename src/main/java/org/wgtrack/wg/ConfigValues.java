package org.wgtrack.wg;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.wgtrack.log.Shown;

/**
 * The values every WireGuard configuration format shares (wg-quick, systemd-networkd,
 * NetworkManager), read to one rule each so that the formats accept exactly the same
 * addresses, endpoints, keys and keepalives. A bad value is a {@link WgConfigException} naming
 * the file, the line and the key as the format spells it, with the value shown only as
 * {@link Shown#value} allows and secrets never.
 */
final class ConfigValues {

    static final String KEY_SHAPE = "44 base64 characters for 32 bytes";

    private final String source;

    ConfigValues(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    PublicKey publicKey(String key, String value, int line) throws WgConfigException {
        if (!PublicKey.isValid(value)) {
            throw error(line, "bad " + key + " (expected " + KEY_SHAPE + ", got " + shown(value) + ")");
        }
        return new PublicKey(value);
    }

    /** Checks the shape of a private or preshared key, so a broken file is noticed; the value is never kept or shown. */
    void secret(String key, String value, int line) throws WgConfigException {
        if (!PublicKey.isValid(value)) {
            throw error(line, "bad " + key + " (expected " + KEY_SHAPE + "; value not shown)");
        }
    }

    Endpoint endpoint(String key, String value, int line) throws WgConfigException {
        return Endpoint.parseConfigured(value).orElseThrow(() -> error(line,
                "bad " + key + " (expected host:port or [address]:port, got " + shown(value) + ")"));
    }

    /** {@code off} or 0 (no keepalive, as wg prints it) or 1..65535 seconds. */
    OptionalInt keepalive(String key, String value, int line) throws WgConfigException {
        if (value.equalsIgnoreCase("off")) {
            return OptionalInt.empty();
        }
        int seconds = -1;
        if (!value.isEmpty() && value.length() <= 5 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            seconds = Integer.parseInt(value);
        }
        if (seconds < 0 || seconds > 65535) {
            throw error(line, "bad " + key + " (expected off or 0..65535, got " + shown(value) + ")");
        }
        // wg treats 0 as off and prints it as "off"; one representation keeps config and live state comparable.
        return seconds == 0 ? OptionalInt.empty() : OptionalInt.of(seconds);
    }

    /** One {@code address/prefix} (the prefix defaults to the whole address, as wg reads it). */
    AllowedIp allowedIp(String key, String item, int line) throws WgConfigException {
        try {
            return AllowedIp.parse(item);
        } catch (IllegalArgumentException e) {
            int slash = item.indexOf('/');
            Optional<InetAddress> address = IpLiteral.parse(slash < 0 ? item : item.substring(0, slash));
            if (address.isEmpty()) {
                throw error(line, "bad " + key + " (expected address/prefix, got " + shown(item) + ")");
            }
            int max = address.get() instanceof Inet4Address ? 32 : 128;
            throw error(line, "bad " + key + " prefix (expected 0.." + max + ", got " + shown(item) + ")");
        }
    }

    /** An input value for a message: cut short, and with anything that may be part of a key hidden. */
    static String shown(String value) {
        return value.isEmpty() ? "nothing" : Shown.value(value);
    }

    WgConfigException error(int line, String problem) {
        return new WgConfigException(source, line, problem);
    }
}
