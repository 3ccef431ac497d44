package org.wgtrack.wg;

import java.net.InetAddress;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.ConfigLoader;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.output.OutputFactory;
import org.wgtrack.testing.TestKeys;

/**
 * Run in a JVM of its own by {@link NoLookupTest}: feeds address, endpoint and allowed-ip texts
 * through every parser that reads one, under a security manager that records each name lookup
 * (the JDK asks {@code checkConnect(host, -1)} before any lookup of a name, never for a literal).
 * Prints {@code control lookups: N} (a deliberate lookup, which must be seen) and then
 * {@code parser lookups: N} followed by the hosts looked up.
 */
public final class NoLookupProbe {

    private static final List<String> LOOKUPS = new ArrayList<>();

    private NoLookupProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<String> texts = texts(new Random(Long.parseLong(args[0])), Integer.parseInt(args[1]));
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkConnect(String host, int port) {
                if (port == -1) {
                    synchronized (LOOKUPS) {
                        LOOKUPS.add(host);
                    }
                }
            }

            @Override
            public void checkPermission(Permission permission) {
                // everything else is allowed: only lookups are of interest
            }
        });
        try {
            InetAddress.getByName("control.invalid");
        } catch (java.net.UnknownHostException expected) {
            // the lookup itself is what the control is for
        }
        System.out.println("control lookups: " + LOOKUPS.size());
        LOOKUPS.clear();

        String key = TestKeys.numbered(0).base64();
        for (String text : texts) {
            IpLiteral.parse(text);
            tryParse(() -> AllowedIp.parse(text));
            tryParse(() -> Endpoint.parse(text + ":51820").literalAddress());
            tryParse(() -> Endpoint.parse("[" + text + "]:51820").isHostname());
            String file = "[Interface]\nAddress = " + text + "/24\n[Peer]\nPublicKey = " + key
                    + "\nEndpoint = " + text + ":51820\nAllowedIPs = " + text + "/32\n";
            tryParse(() -> WgQuickParser.parse("wg0.conf", file));
            WgDumpParser.parse("wg0\t(none)\t" + key + "\t51820\toff\n"
                    + "wg0\t" + key + "\t(none)\t" + text + ":51820\t" + text + "/32\t0\t0\t0\toff\n", warning -> { });
            tryParse(() -> {
                WgtrackConfig config = ConfigLoader.parse("wgtrack.conf",
                        "[general]\nping_address = " + text + "\n[output:prometheus]\nlisten = " + text + "\n");
                return OutputFactory.validate(config.outputs());
            });
        }
        System.out.println("parser lookups: " + LOOKUPS.size());
        LOOKUPS.stream().distinct().limit(20).forEach(System.out::println);
    }

    /** Hand-picked near-literals, then random strings over the characters addresses are made of. */
    static List<String> texts(Random random, int count) {
        List<String> texts = new ArrayList<>(List.of("999.1.1.1", "010.0.0.1", "1.2.3", "1.2.3.4.5", "256.0.0.1",
                "0x7f.0.0.1", "127.1", "::g", "1::2::3", "fe80::1%eth0", "::ffff:999.0.0.1", "12345::", "localhost",
                "vpn.example.net", "[::1]", "1.2.3.4 ", " ::1", "", "%", "::%", "1.2.3.4%eth0", "example"));
        String alphabet = "0123456789abcdefx.:%[]- ";
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(20); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private interface Parse {
        Object run() throws Exception;
    }

    private static void tryParse(Parse parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException | WgConfigException | ConfigException e) {
            // a refused text is fine; a lookup is not
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
