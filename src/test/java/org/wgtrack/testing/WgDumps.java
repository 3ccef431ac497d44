package org.wgtrack.testing;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.InterfaceStatus;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.PeerStatus;
import org.wgtrack.wg.PublicKey;

/**
 * Random live states and their {@code wg show all dump} text, written the way wg writes it
 * (compressed IPv6, {@code (none)}, {@code off}, hex fwmark). Seeded, so every failure
 * reproduces. The private and preshared keys put into the text are returned as secrets.
 */
public final class WgDumps {

    /** A dump, the state it stands for and every secret it contains. */
    public record Generated(LiveState state, String text, List<String> secrets) {
    }

    private WgDumps() {
    }

    /** {@code interfaces} interfaces with {@code peersPerInterface} peers each. */
    public static Generated generate(Random random, int interfaces, int peersPerInterface) {
        StringBuilder text = new StringBuilder();
        List<String> secrets = new ArrayList<>();
        List<InterfaceStatus> result = new ArrayList<>();
        for (int i = 0; i < interfaces; i++) {
            String name = "wg" + i;
            boolean hasKey = random.nextInt(8) != 0;
            String privateKey = hasKey ? TestKeys.randomBase64(random) : "(none)";
            Optional<PublicKey> publicKey = hasKey ? Optional.of(new PublicKey(TestKeys.randomBase64(random))) : Optional.empty();
            int port = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(65535);
            OptionalLong fwmark = random.nextBoolean() ? OptionalLong.empty() : OptionalLong.of(random.nextInt() & 0xFFFF_FFFFL);
            if (hasKey) {
                secrets.add(privateKey);
            }
            text.append(name).append('\t').append(privateKey).append('\t')
                    .append(publicKey.map(PublicKey::base64).orElse("(none)")).append('\t')
                    .append(port).append('\t')
                    .append(fwmark.isPresent() ? "0x" + Long.toHexString(fwmark.getAsLong()) : "off").append('\n');
            List<PeerStatus> peers = new ArrayList<>();
            for (int p = 0; p < peersPerInterface; p++) {
                PeerStatus peer = randomPeer(random, name);
                String psk = random.nextInt(4) == 0 ? TestKeys.randomBase64(random) : "(none)";
                if (!psk.equals("(none)")) {
                    secrets.add(psk);
                }
                text.append(render(peer, psk));
                peers.add(peer);
            }
            result.add(new InterfaceStatus(name, publicKey,
                    port == 0 ? OptionalInt.empty() : OptionalInt.of(port), fwmark, peers));
        }
        return new Generated(new LiveState(result), text.toString(), secrets);
    }

    /** A peer line as wg prints it, newline included. */
    public static String render(PeerStatus peer, String presharedKey) {
        StringBuilder line = new StringBuilder(200);
        line.append(peer.interfaceName()).append('\t').append(peer.publicKey().base64()).append('\t')
                .append(presharedKey).append('\t')
                .append(peer.endpoint().map(Endpoint::toString).orElse("(none)")).append('\t');
        if (peer.allowedIps().isEmpty()) {
            line.append("(none)");
        }
        for (int i = 0; i < peer.allowedIps().size(); i++) {
            AllowedIp ip = peer.allowedIps().get(i);
            line.append(i > 0 ? "," : "").append(literal(ip.address())).append('/').append(ip.prefixLength());
        }
        line.append('\t').append(peer.latestHandshakeEpochSeconds())
                .append('\t').append(peer.rxBytes())
                .append('\t').append(peer.txBytes())
                .append('\t').append(peer.persistentKeepaliveSeconds().isPresent()
                        ? String.valueOf(peer.persistentKeepaliveSeconds().getAsInt()) : "off")
                .append('\n');
        return line.toString();
    }

    public static PeerStatus randomPeer(Random random, String interfaceName) {
        Optional<Endpoint> endpoint = switch (random.nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(new Endpoint(literal(randomAddress(random, 4)), random.nextInt(65536)));
            default -> Optional.of(new Endpoint(literal(randomAddress(random, 16)), random.nextInt(65536)));
        };
        int count = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        List<AllowedIp> ips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            InetAddress address = randomAddress(random, random.nextBoolean() ? 4 : 16);
            int max = address instanceof Inet4Address ? 32 : 128;
            ips.add(new AllowedIp(address, random.nextInt(4) == 0 ? random.nextInt(max + 1) : max));
        }
        long handshake = random.nextInt(5) == 0 ? 0 : 1_700_000_000L + random.nextInt(100_000_000);
        long rx = handshake == 0 ? 0 : Math.abs(random.nextLong() % 1_000_000_000_000L);
        long tx = handshake == 0 ? 0 : Math.abs(random.nextLong() % 1_000_000_000_000L);
        OptionalInt keepalive = random.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(1 + random.nextInt(65535));
        return new PeerStatus(interfaceName, new PublicKey(TestKeys.randomBase64(random)), endpoint, ips, handshake, rx, tx, keepalive);
    }

    /** A random address; IPv6 ones get runs of zero groups so that "::" shows up. */
    public static InetAddress randomAddress(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (length == 16) {
            int zeroFrom = random.nextInt(8);
            int zeroTo = zeroFrom + random.nextInt(8 - zeroFrom);
            for (int g = zeroFrom; g < zeroTo; g++) {
                bytes[2 * g] = 0;
                bytes[2 * g + 1] = 0;
            }
            if (bytes[0] == 0 && bytes[1] == 0) {
                bytes[0] = (byte) 0xfd; // keep clear of IPv4-mapped and -compatible forms
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The address as inet_ntop writes it: IPv6 with the longest run of zero groups as "::". */
    public static String literal(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = ((b[2 * g] & 0xff) << 8) | (b[2 * g + 1] & 0xff);
        }
        int bestFrom = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int end = g;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - g > bestLength) {
                bestFrom = g;
                bestLength = end - g;
            }
            g = end;
        }
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g == bestFrom) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
        return out.toString();
    }
}
