package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wgtrack.testing.TestKeys;

/**
 * Mutated wg-quick files, {@code wg show all dump} texts, systemd-networkd {@code .netdev} files with
 * a drop-in and NetworkManager keyfiles, each built from a valid one that
 * holds planted private and preshared keys: bare {@code \r} line ends, NUL, invalid UTF-8
 * (decoded with replacement characters, as a reader that let them through would), joined,
 * truncated, duplicated and deleted lines, a secret key moved into another key's value, a
 * header or another column, and random character flips. For every input only the parser's
 * declared exception escapes, no message holds a control character, and no message, warning
 * or parsed value holds any 16 consecutive characters of a planted secret. Seeded: a failure
 * names its seed.
 */
class WgFormatsFuzzTest {

    private static final int INPUTS = 1_500;
    private static final int FRAGMENT = 16;

    private record Secrets(String privateKey, String presharedKey, String otherPrivateKey) {
        List<String> all() {
            return List.of(privateKey, presharedKey, otherPrivateKey);
        }
    }

    @Test
    @Timeout(60)
    void noMutatedWgQuickFileLeaksASecretOrThrowsAnythingElse() {
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            long seed = 0x5EC0_0000L + i;
            Random random = new Random(seed);
            Secrets secrets = secrets(random);
            String text = mutate(random, wgQuickFile(random, secrets), secrets, "\n");
            List<String> seen = new ArrayList<>();
            try {
                InterfaceConfig config = WgQuickParser.parse("wg0.conf", text);
                seen.add(config.toString());
            } catch (WgConfigException e) {
                refused++;
                seen.add(e.getMessage());
                assertNoControlCharacter(seed, e.getMessage());
            }
            assertNoSecret(seed, text, secrets, seen);
        }
        assertThat(refused).as("most mutations break the file").isGreaterThan(INPUTS / 3);
    }

    @Test
    @Timeout(60)
    void noMutatedDumpLeaksASecretOrThrows() {
        int warned = 0;
        for (int i = 0; i < INPUTS; i++) {
            long seed = 0xD0_0000L + i;
            Random random = new Random(seed);
            Secrets secrets = secrets(random);
            String text = mutate(random, dump(random, secrets), secrets, "\t");
            List<String> seen = new ArrayList<>();
            LiveState live = WgDumpParser.parse(text, seen::add);
            warned += seen.size();
            seen.forEach(message -> assertNoControlCharacter(seed, message));
            // public-key columns may show a key (a secret moved there looks like any other key); nothing else may
            for (InterfaceStatus iface : live.interfaces()) {
                seen.add(iface.name());
                for (PeerStatus peer : iface.peers()) {
                    seen.add(peer.endpoint() + " " + peer.allowedIps());
                }
            }
            assertNoSecret(seed, text, secrets, seen);
        }
        assertThat(warned).as("most mutations are warned about").isGreaterThan(INPUTS / 3);
    }

    @Test
    @Timeout(60)
    void noMutatedNetdevLeaksASecretOrThrowsAnythingElse() {
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            long seed = 0x4E7D_0000L + i;
            Random random = new Random(seed);
            Secrets secrets = secrets(random);
            String text = mutate(random, netdev(random, secrets), secrets, "=");
            String dropIn = mutate(random, "[WireGuardPeer]\nPublicKey=" + TestKeys.randomBase64(random) + "\nPresharedKey=" + secrets.otherPrivateKey()
                    + "\nAllowedIPs=10.10.0.9/32\n", secrets, "=");
            List<ConfigText> files = List.of(new ConfigText("50-wg0.netdev", text), new ConfigText("50-wg0.netdev.d/x.conf", dropIn));
            List<String> seen = new ArrayList<>();
            NetdevParser.identify(files); // only compared with the interface's name, never shown
            try {
                seen.add(withoutKeysAndNames(NetdevParser.parse(files)));
            } catch (WgConfigException e) {
                refused++;
                seen.add(e.getMessage());
                assertNoControlCharacter(seed, e.getMessage());
            }
            assertNoSecret(seed, text + dropIn, secrets, seen);
        }
        assertThat(refused).as("most mutations break the file").isGreaterThan(INPUTS / 4);
    }

    @Test
    @Timeout(60)
    void noMutatedNetworkManagerKeyfileLeaksASecretOrThrowsAnythingElse() {
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            long seed = 0x4E4D_0000L + i;
            Random random = new Random(seed);
            Secrets secrets = secrets(random);
            String text = mutate(random, keyfile(random, secrets), secrets, "=");
            ConfigText file = new ConfigText("office.nmconnection", text);
            List<String> seen = new ArrayList<>();
            NmKeyfileParser.identify(file); // only compared with the interface's name, never shown
            try {
                seen.add(withoutKeysAndNames(NmKeyfileParser.parse(file)));
            } catch (WgConfigException e) {
                refused++;
                seen.add(e.getMessage());
                assertNoControlCharacter(seed, e.getMessage());
            }
            assertNoSecret(seed, text, secrets, seen);
        }
        assertThat(refused).as("many mutations break the file").isGreaterThan(INPUTS / 5);
    }

    /**
     * The parsed values that must never hold a secret. Public keys may (a secret moved into a
     * PublicKey= line looks like any other key), and so may names, which are shown as written.
     */
    private static String withoutKeysAndNames(InterfaceConfig config) {
        StringBuilder out = new StringBuilder(config.source()).append(' ').append(config.interfaceAddresses());
        config.peers().forEach(p -> out.append(' ').append(p.endpoint()).append(' ').append(p.allowedIps()));
        return out.toString();
    }

    private static String netdev(Random random, Secrets secrets) {
        return "[NetDev]\nName=wg0\nKind=wireguard\n\n"
                + "[WireGuard]\nPrivateKey=" + secrets.privateKey() + "\nListenPort=51820\n\n"
                + "# friendly_name = branch-office\n"
                + "[WireGuardPeer]\nPublicKey=" + TestKeys.randomBase64(random) + "\nPresharedKey=" + secrets.presharedKey() + "\n"
                + "Endpoint=vpn.example.net:51820\nAllowedIPs=10.10.0.2/32, 192.168.2.0/24\nPersistentKeepalive=25\n\n"
                + "[WireGuardPeer]\nPublicKey=" + TestKeys.randomBase64(random) + "\nEndpoint=[2001:db8::7]:51820\nAllowedIPs=fd00::2/128\n";
    }

    private static String keyfile(Random random, Secrets secrets) {
        return "[connection]\nid=Office\ntype=wireguard\ninterface-name=wg0\n\n"
                + "[wireguard]\nprivate-key=" + secrets.privateKey() + "\n\n"
                + "[wireguard-peer." + TestKeys.randomBase64(random) + "]\nendpoint=vpn.example.net:51820\nallowed-ips=10.10.0.2/32;192.168.2.0/24;\n"
                + "preshared-key=" + secrets.presharedKey() + "\npersistent-keepalive=25\n\n"
                + "[ipv4]\naddress1=10.10.0.1/24\nmethod=manual\n";
    }

    private static void assertNoSecret(long seed, String input, Secrets secrets, List<String> seen) {
        for (String text : seen) {
            for (String secret : secrets.all()) {
                for (int at = 0; at + FRAGMENT <= secret.length(); at++) {
                    String fragment = secret.substring(at, at + FRAGMENT);
                    assertThat(text).as("seed %d: input %s", seed, input.replace("\n", "⏎")).doesNotContain(fragment);
                }
            }
        }
    }

    private static void assertNoControlCharacter(long seed, String message) {
        assertThat(message.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).as("seed %d: %s", seed, message).isTrue();
    }

    private static String wgQuickFile(Random random, Secrets secrets) {
        return "[Interface]\n"
                + "Address = 10.10.0.1/24, fd00::1/64\n"
                + "PrivateKey = " + secrets.privateKey() + "\n"
                + "ListenPort = 51820\n"
                + "\n"
                + "[Peer]\n"
                + "# Name = branch-office\n"
                + "PublicKey = " + TestKeys.randomBase64(random) + "\n"
                + "PresharedKey = " + secrets.presharedKey() + "\n"
                + "Endpoint = vpn.example.net:51820\n"
                + "AllowedIPs = 10.10.0.2/32, 192.168.2.0/24\n"
                + "PersistentKeepalive = 25\n"
                + "\n"
                + "[Peer]\n"
                + "PublicKey = " + TestKeys.randomBase64(random) + "\n"
                + "Endpoint = [2001:db8::7]:51820\n"
                + "AllowedIPs = fd00::2/128\n";
    }

    private static String dump(Random random, Secrets secrets) {
        return "wg0\t" + secrets.privateKey() + "\t" + TestKeys.randomBase64(random) + "\t51820\toff\n"
                + "wg0\t" + TestKeys.randomBase64(random) + "\t" + secrets.presharedKey() + "\t192.0.2.7:51820\t10.10.0.2/32,192.168.2.0/24\t1732531200\t9216\t4128\t25\n"
                + "wg0\t" + TestKeys.randomBase64(random) + "\t(none)\t[2001:db8::7]:51820\tfd00::2/128\t0\t0\t0\toff\n"
                + "wg1\t" + secrets.otherPrivateKey() + "\t" + TestKeys.randomBase64(random) + "\t51821\t0x10\n"
                + "wg1\t" + TestKeys.randomBase64(random) + "\t" + secrets.presharedKey() + "\t(none)\t(none)\t0\t0\t0\toff\n";
    }

    /** One to four mutations of the text; {@code separator} is what splits a line into its parts. */
    private static String mutate(Random random, String text, Secrets secrets, String separator) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int line = random.nextInt(lines.size());
            String current = lines.get(line);
            switch (random.nextInt(11)) {
                case 0 -> { // bare \r line ends: the whole file may become one line
                    String joined = String.join(random.nextBoolean() ? "\r" : "\r\n", lines);
                    lines = new ArrayList<>(List.of(joined));
                }
                case 1 -> lines.set(line, insert(random, current, "\u0000"));
                case 2 -> lines.set(line, insert(random, current, invalidUtf8(random)));
                case 3 -> { // joined lines
                    if (line + 1 < lines.size()) {
                        lines.set(line, current + (random.nextBoolean() ? " " : "") + lines.remove(line + 1));
                    }
                }
                case 4 -> lines.set(line, current.substring(0, random.nextInt(current.length() + 1)));
                case 5 -> lines.add(line, current);
                case 6 -> lines.remove(line);
                case 7 -> { // a secret moved into another value or column
                    if (current.startsWith("#")) {
                        break; // a comment's text (a friendly name) is the operator's to choose and shown as written
                    }
                    String secret = secrets.all().get(random.nextInt(3));
                    String[] parts = current.split(separator.equals("\t") ? "\t" : "=", -1);
                    int part = random.nextInt(parts.length);
                    parts[part] = (separator.equals("\t") || part == 0 ? "" : " ") + maybeCut(random, secret);
                    lines.set(line, String.join(separator.equals("\t") ? "\t" : "=", parts));
                }
                case 8 -> lines.set(line, "[" + maybeCut(random, secrets.privateKey()) + "]");
                case 9 -> lines.set(line, flip(random, current));
                default -> lines.set(line, insert(random, current, String.valueOf("\t,=#[]:/ \u2028\u001b".charAt(random.nextInt(11)))));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }

    private static String maybeCut(Random random, String secret) {
        return switch (random.nextInt(3)) {
            case 0 -> secret;
            case 1 -> secret.substring(random.nextInt(20));
            default -> secret.substring(0, 20 + random.nextInt(24));
        };
    }

    private static String insert(Random random, String text, String inserted) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + inserted + text.substring(at);
    }

    private static String flip(Random random, String text) {
        if (text.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
        return new String(chars);
    }

    private static String invalidUtf8(Random random) {
        byte[][] sequences = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        return new String(sequences[random.nextInt(sequences.length)], StandardCharsets.UTF_8);
    }

    private static Secrets secrets(Random random) {
        return new Secrets(TestKeys.randomBase64(random), TestKeys.randomBase64(random), TestKeys.randomBase64(random));
    }
}
