package org.wgtrack.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.output.Snapshot;
import org.wgtrack.wg.Endpoint;

/**
 * Renders a snapshot as the table {@code wgtrack status} prints:
 * <pre>
 * INTERFACE  PEER   STATE          HANDSHAKE  ENDPOINT          RX       TX       ENDPOINT CHANGED
 * wg0        alpha  up:ok          12 s ago   192.0.2.1:51820   1.0 KiB  2.0 KiB  -
 * </pre>
 * Every text from the document is escaped: it may come from whatever answered in the daemon's place.
 */
final class StatusTable {

    static final List<String> HEADER =
            List.of("INTERFACE", "PEER", "STATE", "HANDSHAKE", "ENDPOINT", "RX", "TX", "ENDPOINT CHANGED");

    private StatusTable() {
    }

    static String render(Snapshot snapshot, String source, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("wgtrack status from ").append(TerminalSafe.text(source)).append(", cycle of ").append(snapshot.takenAt()).append('\n');
        if (!snapshot.liveStateOk()) {
            out.append("live state unreadable: ").append(TerminalSafe.text(snapshot.liveStateError().orElse(""))).append('\n');
            return out.toString();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (PeerSnapshot peer : snapshot.peers()) {
            rows.add(List.of(
                    TerminalSafe.text(peer.interfaceName()),
                    TerminalSafe.text(peer.name().orElse(peer.publicKey().shortForm())),
                    peer.state().label(),
                    peer.handshakeAgeSeconds().isPresent() ? age(peer.handshakeAgeSeconds().getAsLong()) + " ago" : "never",
                    TerminalSafe.text(peer.endpoint().map(Endpoint::toString).orElse("-")),
                    bytes(peer.rxBytes()),
                    bytes(peer.txBytes()),
                    peer.lastEndpointChange().map(t -> age(Duration.between(t, now).toSeconds()) + " ago").orElse("-")));
        }
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        long up = snapshot.peers().stream().filter(PeerSnapshot::isUp).count();
        out.append(up).append(" of ").append(snapshot.peers().size()).append(" peers up\n");
        return out.toString();
    }

    /** {@code 45 s}, {@code 3 min}, {@code 2 h}, {@code 5 d}: precise enough to read at a glance. */
    static String age(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        if (s < 172800) {
            return s / 3600 + " h";
        }
        return s / 86400 + " d";
    }

    /** IEC units with one decimal: {@code 512 B}, {@code 1.5 KiB}, {@code 3.2 GiB}. */
    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
