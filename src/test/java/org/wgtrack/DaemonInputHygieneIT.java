package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.testing.WgtrackConf;
import org.wgtrack.wg.PublicKey;

/**
 * The daemon ({@code bin/wgtrack}) reading hostile and sloppy input, as issue 9's items 1 and 2
 * found it: wg-quick files whose private and preshared keys sit in malformed lines (bare
 * {@code \r} line ends, a key on an {@code AllowedIPs} line, two lines joined), a dump whose
 * broken lines carry secrets in other columns, a friendly name with {@code \r}, an escape
 * sequence and U+2028, and a {@code wg} whose stderr carries the same. Its log must hold no 16
 * characters of any planted secret and no raw control character but the line ends.
 */
class DaemonInputHygieneIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String privateKey = TestKeys.randomBase64(RANDOM);
    private final String presharedKey = TestKeys.randomBase64(RANDOM);
    private final String peerKey = TestKeys.randomBase64(RANDOM);
    private final String otherPeerKey = TestKeys.randomBase64(RANDOM);

    @TempDir
    Path dir;

    @Test
    void noSecretAndNoRawControlCharacterReachesTheLog() throws Exception {
        Path wireguard = Files.createDirectories(dir.resolve("wireguard"));
        Files.writeString(wireguard.resolve("wg0.conf"), String.join("\r", "[Interface]", "Address = 10.0.0.1/24",
                "PrivateKey = " + privateKey, "[Peer]", "PublicKey = " + otherPeerKey, "PresharedKey = " + presharedKey, ""));
        Files.writeString(wireguard.resolve("wg1.conf"), "[Interface]\nPrivateKey = " + privateKey
                + "\n[Peer]\nPublicKey = " + otherPeerKey + "\nAllowedIPs = 10.0.1.2/32, " + presharedKey + "\n");
        Files.writeString(wireguard.resolve("wg2.conf"), "[Interface]\nPrivateKey = " + privateKey
                + "\n[Peer]\nPublicKey = " + otherPeerKey + "\nAllowedIPs = 10.0.2.2/32 PresharedKey = " + presharedKey + "\n");
        Files.writeString(wireguard.resolve("wg3.conf"), "[Interface]\nPrivateKey = " + privateKey
                + "\n[Peer]\n# Name = evil\r2026-12-02T00:00:00Z INFO forged\u001b[2K\u2028\u202e\nPublicKey = " + peerKey
                + "\nEndpoint = 10.0.3.2:51820\nAllowedIPs = 10.0.3.2/32\n");

        Path fake = Files.createDirectories(dir.resolve("fake-wg"));
        Path wg = fake.resolve("wg");
        Files.writeString(wg, """
                #!/bin/bash
                dir='%s'
                if [ -e "$dir/stderr" ]; then cat "$dir/stderr" >&2; exit 1; fi
                now=$(date +%%s)
                sed "s/@NOW@/$now/g" "$dir/dump"
                """.formatted(fake), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wg, PosixFilePermissions.fromString("rwxr-xr-x"));
        String dump = row("wg0", privateKey, TestKeys.randomBase64(RANDOM), "51820", "off")
                + row("wg0", otherPeerKey, presharedKey, "10.0.0.2:51820", "10.0.0.2/32", "0", "0", "0", "off")
                + row("wg1", privateKey, TestKeys.randomBase64(RANDOM), "51821", "off")
                + row("wg1", otherPeerKey, "(none)", "(none)", privateKey, "0", "0", "0", "off")
                + row("wg1", TestKeys.randomBase64(RANDOM), presharedKey, "(none)", "(none)", "0", presharedKey, "0", "off")
                + row("wg1", TestKeys.randomBase64(RANDOM), "(none)", "(none)", "(none)", "0", "0", "0") + privateKey.substring(3) + "\n"
                + row("wg2", privateKey, TestKeys.randomBase64(RANDOM), "51822", "off")
                + "wg2\t" + presharedKey + "\t" + privateKey + "\n"
                + row("wg3", privateKey, TestKeys.randomBase64(RANDOM), "51823", privateKey)
                + row("wg3", privateKey, TestKeys.randomBase64(RANDOM), "51823", "off")
                + row("wg3", peerKey, "(none)", "10.0.3.2:51820", "10.0.3.2/32", "@NOW@", "10", "20", "off");
        Files.writeString(fake.resolve("dump"), dump);
        Path config = WgtrackConf.write(dir, "0.3", wg, """
                [DEFAULT]
                ping_interval = 0
                """);

        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the named peer to come up");
            Files.writeString(fake.resolve("stderr"), "fatal\u001b[31m red\u2028\r2026-12-02T00:00:00Z INFO wg0 x: down → up:ok\n");
            daemon.awaitLog(l -> l.contains("reading the live state failed"), Duration.ofSeconds(10), "the failing wg to be reported");

            String log = daemon.log();
            for (String secret : List.of(privateKey, presharedKey)) {
                for (int at = 0; at + 16 <= secret.length(); at++) {
                    assertThat(log).doesNotContain(secret.substring(at, at + 16));
                }
            }
            assertThat(log.chars().filter(c -> c != '\n' && (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x202e)))
                    .as(log).isEmpty();
            assertThat(log).contains("wg3 evil\\r2026-12-02T00:00:00Z INFO forged\\x1b[2K\\u2028\\u202e (" + peerKey.substring(0, 8) + "…)")
                    .contains("fatal\\x1b[31m red\\u2028\\r2026-12-02T00:00:00Z INFO wg0 x: down → up:ok")
                    .contains("wg0.conf:1: ").contains("wg1.conf:5: ").contains("wg2.conf:5: ");
        }
    }

    private static String row(String... columns) {
        return String.join("\t", columns) + "\n";
    }
}
