package org.wgtrack.config;

import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.log.Shown;
import org.wgtrack.wg.PublicKey;

/**
 * What a section header of wgtrack's config names: {@code [general]}, {@code [DEFAULT]},
 * {@code [interface:wg0]}, {@code [peer:wg0:<base64 key>]}, {@code [output:influx]} or {@code [hook:ops-mail]}.
 * Kinds are matched case-sensitively, as configparser matches section names.
 *
 * @param outputName the name of an output or hook section
 * @param problem why a recognised kind has a bad name (null when fine); never echoes a peer key
 */
record SectionName(Kind kind, String interfaceName, PublicKey peer, String outputName, String problem) {

    enum Kind { GENERAL, DEFAULT, INTERFACE, PEER, OUTPUT, HOOK, UNKNOWN }

    /** Linux IFNAMSIZ is 16 including the terminating NUL. */
    static final int MAX_INTERFACE_NAME = 15;

    /**
     * Whether a section name may be shown whole in a message: only a valid
     * {@code [peer:<ifname>:<public-key>]} header, whose key is a peer's public key, as wg shows it.
     */
    static boolean isPublic(String name) {
        SectionName parsed = parse(name);
        return parsed.kind() == Kind.PEER && parsed.problem() == null;
    }

    /** A section name for a message, as {@link ConfigProblem} shows it. */
    static String shown(String name) {
        return isPublic(name) ? Shown.escaped(name) : Shown.value(name);
    }

    static SectionName parse(String name) {
        if (name.equals("general")) {
            return of(Kind.GENERAL);
        }
        if (name.equals("DEFAULT")) {
            return of(Kind.DEFAULT);
        }
        if (name.startsWith("interface:")) {
            String ifname = name.substring("interface:".length());
            String problem = interfaceNameProblem(ifname, true);
            return new SectionName(Kind.INTERFACE, ifname, null, null, problem == null ? null
                    : "invalid interface section (expected [interface:<ifname>] with " + problem + ")");
        }
        if (name.startsWith("peer:")) {
            return peer(name.substring("peer:".length()));
        }
        if (name.startsWith("output:")) {
            String output = name.substring("output:".length());
            return new SectionName(Kind.OUTPUT, null, null, output,
                    output.isEmpty() ? "invalid output section (expected [output:<name>], got no name)" : null);
        }
        if (name.startsWith("hook:")) {
            String hook = name.substring("hook:".length());
            return new SectionName(Kind.HOOK, null, null, hook,
                    hook.isEmpty() ? "invalid hook section (expected [hook:<name>], got no name)" : null);
        }
        return of(Kind.UNKNOWN);
    }

    // A base64 key never contains ':', so the interface name ends at the first one. Nothing of a
    // bad peer header is echoed: a key pasted into the wrong place might be a private one.
    private static SectionName peer(String rest) {
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return new SectionName(Kind.PEER, null, null, null,
                    "invalid peer section (expected [peer:<ifname>:<public-key>], got no ':' after the interface name)");
        }
        String ifname = rest.substring(0, colon);
        String key = rest.substring(colon + 1);
        String problem = interfaceNameProblem(ifname, false);
        if (problem != null) {
            return new SectionName(Kind.PEER, ifname, null, null,
                    "invalid peer section (expected [peer:<ifname>:<public-key>] with " + problem + ")");
        }
        if (!PublicKey.isValid(key)) {
            return new SectionName(Kind.PEER, ifname, null, null,
                    "invalid peer section (expected [peer:<ifname>:<public-key>] with the peer's public key as wg shows it,"
                            + " 44 base64 characters, got " + (key.isEmpty() ? "no key" : key.length() + " characters that are not a key")
                            + ")");
        }
        return new SectionName(Kind.PEER, ifname, new PublicKey(key), null, null);
    }

    private static String interfaceNameProblem(String ifname, boolean echo) {
        if (ifname.isEmpty()) {
            return "an interface name, got none";
        }
        if (ifname.length() > MAX_INTERFACE_NAME || ifname.equals(".") || ifname.equals("..")
                || ifname.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c))) {
            return "an interface name of 1 to 15 characters without '/', ':' or spaces"
                    + (echo ? ", got '" + Shown.value(ifname) + "'" : "");
        }
        return null;
    }

    private static SectionName of(Kind kind) {
        return new SectionName(kind, null, null, null, null);
    }
}
