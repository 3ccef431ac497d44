package org.wgtrack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wgtrack.files.TextFileReader;
import org.wgtrack.output.OutputFactory;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.testing.TestKeys;

/**
 * Mutated {@code wgtrack.conf} files, read the way the daemon reads them (bytes through
 * {@link TextFileReader}, then {@link ConfigLoader}, then {@link OutputFactory#validate}).
 * Each base file is valid and plants private and preshared keys in values and comments and
 * public keys in {@code [peer:…]} headers; mutations add bare {@code \r}, NUL, invalid UTF-8,
 * joined and truncated lines, move a secret key into a header, a key name or a typed value,
 * and add fan-out interpolation. For every input: only {@link ConfigException} escapes (no
 * other exception, no {@code OutOfMemoryError}), no problem contains a control character, and
 * no message or warning contains any 16 consecutive characters of a planted secret key
 * (compared ignoring case: key names are lower-cased). Seeded: a failure names its seed;
 * {@code -Dconfig.fuzzInputs=100000} for a deeper run.
 */
class ConfigFuzzTest {

    private static final int INPUTS = Integer.getInteger("config.fuzzInputs", 1_500);
    private static final long SEED = 0xF022_2026L;
    private static final int FRAGMENT = 16;

    /** One mutated file and the secret keys planted in it (a secret moved into a peer header is public there). */
    record Input(long seed, byte[] bytes, Set<String> secrets, List<String> mutations) {
    }

    @Test
    @Timeout(60)
    void noMutatedConfigLeaksAKeyOrThrowsAnythingButConfigException() {
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < INPUTS; i++) {
            Input input = mutated(SEED + i);
            List<String> messages = new ArrayList<>();
            try {
                WgtrackConfig config = load(input.bytes());
                config.warnings().forEach(w -> messages.add(w.toString()));
                OutputPlan plan = OutputFactory.validate(config.outputs());
                plan.warnings().forEach(w -> messages.add(w.toString()));
                outcomes.merge(messages.isEmpty() ? "loaded" : "loaded with warnings", 1, Integer::sum);
            } catch (ConfigException e) {
                e.problems().forEach(p -> messages.add(p.toString()));
                outcomes.merge("refused", 1, Integer::sum);
            } catch (Throwable t) { // OutOfMemoryError and StackOverflowError included: each is a defect
                failures.add(describe(input, "threw " + t));
                continue;
            }
            for (String message : messages) {
                String leak = leakedFragment(message, input.secrets());
                if (leak != null) {
                    failures.add(describe(input, "leaked " + leak + " in: " + message));
                }
                if (message.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    failures.add(describe(input, "control character in: " + message.replace("\r", "<CR>").replace("\0", "<NUL>")));
                }
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(INPUTS + " mutated configs in " + elapsed.toMillis() + " ms: " + outcomes);
        assertThat(failures).as("first failures of %d", failures.size()).isEmpty();
        assertThat(outcomes.get("refused")).as("outcomes %s", outcomes).isGreaterThan(INPUTS / 4);
        assertThat(outcomes.getOrDefault("loaded", 0) + outcomes.getOrDefault("loaded with warnings", 0))
                .as("outcomes %s", outcomes).isGreaterThan(INPUTS / 10);
    }

    private static WgtrackConfig load(byte[] bytes) throws ConfigException {
        TextFileReader fromMemory = new TextFileReader(new TextFileReader.FileAccess() {
            @Override
            public TextFileReader.FileType type(Path path) {
                return TextFileReader.FileType.REGULAR;
            }

            @Override
            public InputStream open(Path path) {
                return new ByteArrayInputStream(bytes);
            }
        });
        return ConfigLoader.load(Path.of("/etc/wgtrack.conf"), true, fromMemory);
    }

    /** The first fragment of a secret in the message, or null. */
    static String leakedFragment(String message, Set<String> secrets) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            String key = secret.toLowerCase(Locale.ROOT);
            for (int i = 0; i + FRAGMENT <= key.length(); i++) {
                if (lower.contains(key.substring(i, i + FRAGMENT))) {
                    return key.substring(i, i + FRAGMENT);
                }
            }
        }
        return null;
    }

    private static String describe(Input input, String what) {
        return "seed " + Long.toHexString(input.seed()) + " " + input.mutations() + ": " + what;
    }

    static Input mutated(long seed) {
        Random random = new Random(seed);
        String priv1 = TestKeys.randomBase64(random);
        String priv2 = TestKeys.randomBase64(random);
        String psk1 = TestKeys.randomBase64(random);
        String psk2 = TestKeys.randomBase64(random);
        String pub1 = TestKeys.randomBase64(random);
        String pub2 = TestKeys.randomBase64(random);
        Set<String> secrets = new HashSet<>(List.of(priv1, priv2, psk1, psk2));
        List<String> lines = new ArrayList<>(List.of(
                "# wgtrack on the hub",
                "# PrivateKey = " + priv1,
                "[general]",
                "cycle_time = 5",
                "loglevel = info",
                "wireguard_config_dir = /etc/wireguard",
                "",
                "[DEFAULT]",
                "ping_interval = 10",
                "base = 10.0.0",
                "note = " + psk1,
                "",
                "[interface:wg0]",
                "name = hub",
                "; PresharedKey = " + psk1,
                "",
                "[peer:wg0:" + pub1 + "]",
                "name = alpha",
                "ping_address = %(base)s.2",
                "ping_timeout = 2",
                "# psk " + psk2,
                "",
                "[peer:wg0:" + pub2 + "]",
                "track = no",
                "secret = " + priv2,
                "handshake_timeout = 180",
                "",
                "[output:influx]",
                "type = influx",
                "filename = /run/wgtrack/influx.txt",
                "",
                "[output:metrics]",
                "type = prometheus",
                "port = 9586"));
        List<String> mutations = new ArrayList<>();
        List<String> secretList = List.of(priv1, priv2, psk1, psk2);
        int count = 1 + random.nextInt(3);
        for (int m = 0; m < count; m++) {
            int line = random.nextInt(lines.size());
            String secret = secretList.get(random.nextInt(secretList.size()));
            switch (random.nextInt(9)) {
                case 0 -> { // joined lines
                    if (line + 1 < lines.size()) {
                        lines.set(line, lines.get(line) + (random.nextBoolean() ? "" : " ") + lines.remove(line + 1));
                    }
                    mutations.add("join " + line);
                }
                case 1 -> { // truncated line
                    String text = lines.get(line);
                    lines.set(line, text.substring(0, random.nextInt(text.length() + 1)));
                    mutations.add("truncate " + line);
                }
                case 2 -> { // a secret key in a section header
                    String header = switch (random.nextInt(5)) {
                        case 0 -> "[" + secret + "]";
                        case 1 -> "[interface:" + secret + "]";
                        case 2 -> "[output:" + secret + "]";
                        case 3 -> "[peer:wg0:" + secret.substring(0, 20 + random.nextInt(23)) + "]";
                        default -> "[peer:" + secret + "]";
                    };
                    lines.add(line, header);
                    mutations.add("header " + line);
                }
                case 3 -> { // a secret key as a peer header's key: it is a peer's public key there
                    lines.add(line, "[peer:wg1:" + secret + "]");
                    secrets.remove(secret);
                    mutations.add("peer " + line);
                }
                case 4 -> { // a secret key as a key name, or as a typed value
                    String moved = switch (random.nextInt(6)) {
                        case 0 -> secret + " = 1";
                        case 1 -> secret;
                        case 2 -> "cycle_time = " + secret;
                        case 3 -> "ping_address = " + secret;
                        case 4 -> "ping_interval = " + secret.substring(0, 20) + " " + secret.substring(20);
                        default -> "port = " + secret;
                    };
                    lines.add(line, moved);
                    mutations.add("moved " + line);
                }
                case 5 -> { // fan-out interpolation in [DEFAULT], read by a typed key
                    int fanOut = 2 + random.nextInt(15);
                    List<String> bomb = new ArrayList<>();
                    bomb.add("[DEFAULT]");
                    bomb.add("f0 = " + (random.nextBoolean() ? secret : random.nextBoolean() ? "" : "x"));
                    for (int level = 1; level <= 9 + random.nextInt(3); level++) {
                        bomb.add("f" + level + " = " + ("%(f" + (level - 1) + ")s").repeat(fanOut));
                    }
                    bomb.add("[general]");
                    bomb.add((random.nextBoolean() ? "cycle_time" : "ping_timeout") + " = %(f" + (5 + random.nextInt(6)) + ")s");
                    lines.addAll(0, bomb);
                    mutations.add("fan-out " + fanOut);
                }
                case 6 -> { // a secret-bearing value referenced into a typed key
                    lines.add(line, "ping_failafternum = %(note)s");
                    mutations.add("reference " + line);
                }
                case 7 -> { // duplicated line
                    lines.add(line, lines.get(line));
                    mutations.add("duplicate " + line);
                }
                default -> { // control characters inside a line
                    String text = lines.get(line);
                    int at = random.nextInt(text.length() + 1);
                    String control = List.of("\u001b[2K", "\u2028", "\t", "\u0007", "\u202e").get(random.nextInt(5));
                    lines.set(line, text.substring(0, at) + control + text.substring(at));
                    mutations.add("control " + line);
                }
            }
        }
        String newline = random.nextInt(4) == 0 ? "\r\n" : "\n";
        byte[] bytes = String.join(newline, lines).getBytes(StandardCharsets.UTF_8);
        return new Input(seed, byteMutations(random, bytes, mutations), secrets, mutations);
    }

    /** Bare \r for some newlines, a NUL, invalid UTF-8, a truncated file. */
    private static byte[] byteMutations(Random random, byte[] bytes, List<String> mutations) {
        byte[] out = bytes.clone();
        if (random.nextInt(4) == 0) {
            for (int i = 0; i < out.length; i++) {
                if (out[i] == '\n' && random.nextInt(3) > 0) {
                    out[i] = '\r';
                }
            }
            mutations.add("bare CR");
        }
        if (random.nextInt(6) == 0) {
            out = insert(out, random.nextInt(out.length + 1), new byte[] {0});
            mutations.add("NUL");
        }
        if (random.nextInt(8) == 0) {
            byte[] bad = List.of(new byte[] {(byte) 0xE9}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).get(random.nextInt(4));
            out = insert(out, random.nextInt(out.length + 1), bad);
            mutations.add("invalid UTF-8");
        }
        if (random.nextInt(10) == 0) {
            byte[] cut = new byte[random.nextInt(out.length + 1)];
            System.arraycopy(out, 0, cut, 0, cut.length);
            out = cut;
            mutations.add("truncated file");
        }
        return out;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }
}
