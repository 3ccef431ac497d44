package org.wgtrack.wg;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.wgtrack.log.Shown;

/**
 * Reads {@code wg show all dump}: tab-separated, one line per interface followed by one line
 * per peer of that interface (tabs shown as {@code ⇥}; keys shortened here):
 *
 * <pre>
 * wg0⇥(private key)⇥k8YzRPdd…=⇥51820⇥off
 * wg0⇥xTIBA5rb…=⇥(none)⇥192.0.2.7:51820⇥10.10.0.2/32,192.168.2.0/24⇥1732531200⇥9216⇥4128⇥25
 * wg0⇥HIgo9xNz…=⇥(none)⇥[2001:db8::7]:51820⇥fd00::2/128⇥0⇥0⇥0⇥off
 * wg0⇥TrMvSoP4…=⇥(none)⇥(none)⇥(none)⇥0⇥0⇥0⇥off
 * </pre>
 *
 * Interface lines: ifname, private key, public key or {@code (none)}, listen port, fwmark
 * ({@code off} or {@code 0x…}). Peer lines: ifname, public key, preshared key or
 * {@code (none)}, endpoint or {@code (none)}, allowed ips (comma-separated) or {@code (none)},
 * latest handshake (epoch seconds, 0 = never), rx bytes, tx bytes, persistent keepalive
 * ({@code off} or seconds).
 *
 * <p>A line that cannot be read is skipped with one warning naming its line number and why;
 * the rest of the dump is used. Private and preshared key columns are checked for shape but
 * never kept and never shown: a warning renders the line with them as {@code (hidden)}, and a
 * line with an unexpected number of fields, whose columns cannot be trusted, is not shown.
 *
 * <p>This runs every cycle on hubs with thousands of peers, so it parses by index: no regex,
 * no split, no {@code InetAddress.getByName}, no base64 decoding, no exceptions on good lines.
 */
public final class WgDumpParser {

    /** The source named in warnings. */
    public static final String SOURCE = "wg show all dump";

    private static final String NONE = "(none)";
    private static final String OFF = "off";
    private static final int MAX_FIELDS = 9;
    /**
     * The most peers wgtrack tracks. A larger dump fails the cycle with
     * {@link TooManyPeersException} instead of filling the heap: 250,000 real-shaped peer lines
     * are about the 32 MiB of wg output that is read at most, and the launchers' heap is sized for
     * this many (README, "Performance").
     */
    public static final int MAX_PEERS = 250_000;

    private static final LiveState EMPTY = new LiveState(List.of());
    private static final String BAD_NAME = "bad interface name (expected 1 to 15 characters, no spaces or '/'; value not shown)";

    private final String dump;
    private final Consumer<String> warnings;
    private final int[] starts = new int[MAX_FIELDS + 1];
    private final int[] ends = new int[MAX_FIELDS + 1];
    private int foundTab = -1;
    private boolean noTabsLeft;
    private final byte[] scratch16 = new byte[16];
    private final byte[] scratch4 = new byte[4];
    private final List<Draft> interfaces = new ArrayList<>();
    private final Map<String, Draft> byName = new HashMap<>();
    private Draft current;
    private int peerCount;

    private final int maxPeers;
    private final Reading previous;
    /** The last reading's interfaces by name (the first line of a name, as the outputs took it). */
    private final Map<String, InterfaceStatus> previousInterfaces = new HashMap<>();

    /**
     * A parse's result and what the next parse compares against: for every peer, the text of
     * its endpoint and allowed-ips columns as wg printed them (the key columns are not kept).
     *
     * @param addressColumns by interface name, one text per peer of {@code state}, in its order
     */
    public record Reading(LiveState state, Map<String, List<String>> addressColumns) {

        /** Before the first parse. */
        public static final Reading NONE = new Reading(EMPTY, Map.of());
    }

    private WgDumpParser(String dump, Consumer<String> warnings, int maxPeers, Reading previous) {
        this.dump = dump;
        this.warnings = warnings;
        this.maxPeers = maxPeers;
        this.previous = previous;
        previous.state().interfaces().forEach(i -> previousInterfaces.putIfAbsent(i.name(), i));
    }

    /** @throws TooManyPeersException when the dump has more than {@link #MAX_PEERS} peer lines */
    public static LiveState parse(String dump, Consumer<String> warnings) {
        return parse(dump, warnings, MAX_PEERS);
    }

    /** With another peer limit, for tests. */
    static LiveState parse(String dump, Consumer<String> warnings, int maxPeers) {
        return new WgDumpParser(dump, warnings, maxPeers, Reading.NONE).run().state();
    }

    /**
     * As {@link #parse(String, Consumer)}, sharing with {@code previous} (the last cycle's
     * reading) every key, endpoint, allowed-ips list and peer that did not change. The state is
     * the same as a fresh parse's, but a large hub keeps one copy of them instead of one per
     * cycle still referenced (the last cycle's snapshot in the outputs, the one being built):
     * about half the heap at 100,000 peers. It is also cheaper: a peer whose key, endpoint and
     * allowed ips read as they did last time takes them from its previous line's values
     * without reading them again (the same text gives the same values).
     */
    public static Reading read(String dump, Consumer<String> warnings, Reading previous) {
        return new WgDumpParser(dump, warnings, MAX_PEERS, previous).run();
    }

    private Reading run() {
        int length = dump.length();
        int start = 0;
        int lineNumber = 0;
        while (start < length) {
            int end = dump.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lineNumber++;
            int lineEnd = end > start && dump.charAt(end - 1) == '\r' ? end - 1 : end;
            if (lineEnd > start) {
                line(start, lineEnd, lineNumber);
            }
            start = end + 1;
            if (peerCount > maxPeers) {
                throw new TooManyPeersException(peerCount + peerLinesFrom(start), maxPeers);
            }
        }
        List<InterfaceStatus> result = new ArrayList<>(interfaces.size());
        Map<String, List<String>> addressColumns = new HashMap<>(interfaces.size() * 2);
        for (Draft d : interfaces) {
            result.add(new InterfaceStatus(d.name, d.publicKey, d.listenPort, d.fwmark, d.peers));
            addressColumns.put(d.name, d.addressColumns);
        }
        return new Reading(new LiveState(result), addressColumns);
    }

    private void line(int start, int end, int lineNumber) {
        int fields = 0;
        starts[0] = start;
        for (int i = tabAtOrAfter(start); i >= 0 && i < end; i = tabAtOrAfter(i + 1)) {
            if (fields < MAX_FIELDS) {
                ends[fields] = i;
                starts[fields + 1] = i + 1;
            }
            fields++;
        }
        fields++;
        if (fields <= MAX_FIELDS) {
            ends[fields - 1] = end;
        }
        try {
            if (fields == 5) {
                interfaceLine();
            } else if (fields == 9) {
                peerLine();
            } else {
                warnings.accept(SOURCE + ":" + lineNumber + ": " + fields + (fields == 1 ? " tab-separated field" : " tab-separated fields")
                        + " (expected 5 for an interface or 9 for a peer); line skipped, not shown as it may hold a key");
            }
        } catch (BadLine e) {
            warnings.accept(SOURCE + ":" + lineNumber + ": " + e.getMessage() + "; line skipped: " + shown(fields));
        }
    }

    private void interfaceLine() throws BadLine {
        if (!isInterfaceName(0)) {
            throw new BadLine(BAD_NAME);
        }
        String name = field(0);
        if (!isNone(1) && !PublicKey.isValid(dump, starts[1], ends[1])) {
            throw new BadLine("bad private key (expected (none) or 44 base64 characters; value not shown)");
        }
        Optional<PublicKey> publicKey = Optional.empty();
        if (!isNone(2)) {
            publicKey = Optional.of(publicKey(2, "bad interface public key"));
        }
        long port = number(3);
        if (port < 0 || port > 65535) {
            throw new BadLine("bad listen port (expected 0..65535, got " + got(3) + ")");
        }
        OptionalLong fwmark = fwmark();
        if (byName.containsKey(name)) {
            throw new BadLine("second interface line for " + Shown.escaped(name) + " (expected one per interface)");
        }
        // wg prints 0 while the interface does not listen (no private key yet).
        Draft draft = new Draft(name, publicKey, port == 0 ? OptionalInt.empty() : OptionalInt.of((int) port), fwmark,
                previousInterfaces.containsKey(name) ? previousInterfaces.get(name).peers() : List.of(),
                previous.addressColumns().getOrDefault(name, List.of()));
        interfaces.add(draft);
        byName.put(name, draft);
        current = draft;
    }

    private OptionalLong fwmark() throws BadLine {
        int from = starts[4];
        int to = ends[4];
        if (is(4, OFF)) {
            return OptionalLong.empty();
        }
        long value = -1;
        if (to - from > 2 && dump.charAt(from) == '0' && (dump.charAt(from + 1) == 'x' || dump.charAt(from + 1) == 'X')) {
            value = hex(from + 2, to);
        } else {
            value = number(4);
        }
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new BadLine("bad fwmark (expected off or 0x0..0xffffffff, got " + got(4) + ")");
        }
        return OptionalLong.of(value);
    }

    private void peerLine() throws BadLine {
        Draft iface = current;
        int nameLength = ends[0] - starts[0];
        if (iface == null || iface.name.length() != nameLength || !dump.startsWith(iface.name, starts[0])) {
            if (!isInterfaceName(0)) {
                throw new BadLine(BAD_NAME);
            }
            iface = byName.get(field(0));
            if (iface == null) {
                throw new BadLine("peer of " + Shown.escaped(field(0)) + " without a readable interface line before it (expected the interface line first)");
            }
        }
        // Usually the peer of the last reading at the same position, with its key as it was.
        int before = iface.previousAt(iface.peers.size());
        PublicKey publicKey;
        if (before >= 0 && regionIs(starts[1], ends[1], iface.previousPeers.get(before).publicKey().base64())) {
            publicKey = iface.previousPeers.get(before).publicKey();
        } else {
            publicKey = publicKey(1, "bad peer public key");
            before = iface.previousIndex(publicKey);
            if (before >= 0) {
                publicKey = iface.previousPeers.get(before).publicKey();
            }
        }
        PeerStatus last = before >= 0 ? iface.previousPeers.get(before) : null;
        if (!isNone(2) && !PublicKey.isValid(dump, starts[2], ends[2])) {
            throw new BadLine("bad preshared key (expected (none) or 44 base64 characters; value not shown)");
        }
        // The endpoint and allowed-ips columns, tab between them, as wg printed them.
        String lastColumns = last != null ? iface.previousColumns.get(before) : null;
        Optional<Endpoint> endpoint;
        List<AllowedIp> allowedIps;
        String columns;
        if (lastColumns != null && regionIs(starts[3], ends[4], lastColumns)) {
            endpoint = last.endpoint();
            allowedIps = last.allowedIps();
            columns = lastColumns;
        } else {
            endpoint = isNone(3) ? Optional.empty() : Optional.of(endpoint());
            allowedIps = isNone(4) ? List.of() : allowedIps();
            columns = dump.substring(starts[3], ends[4]);
            if (last != null) {
                endpoint = endpoint.equals(last.endpoint()) ? last.endpoint() : endpoint;
                allowedIps = allowedIps.equals(last.allowedIps()) ? last.allowedIps() : allowedIps;
            }
        }
        long handshake = number(5);
        if (handshake < 0) {
            throw new BadLine("bad latest handshake (expected epoch seconds, 0 for never, got " + got(5) + ")");
        }
        long rx = number(6);
        if (rx < 0) {
            throw new BadLine("bad rx bytes (expected a number, got " + got(6) + ")");
        }
        long tx = number(7);
        if (tx < 0) {
            throw new BadLine("bad tx bytes (expected a number, got " + got(7) + ")");
        }
        OptionalInt keepalive = OptionalInt.empty();
        if (!is(8, OFF)) {
            long seconds = number(8);
            if (seconds < 0 || seconds > 65535) {
                throw new BadLine("bad persistent keepalive (expected off or 0..65535, got " + got(8) + ")");
            }
            // wg prints 0 as "off"; keep one representation, as WgQuickParser does. The last
            // reading's value when it is the same: a hub's peers mostly keep theirs.
            if (seconds == 0) {
                keepalive = OptionalInt.empty();
            } else if (last != null && last.persistentKeepaliveSeconds().isPresent()
                    && last.persistentKeepaliveSeconds().getAsInt() == seconds) {
                keepalive = last.persistentKeepaliveSeconds();
            } else {
                keepalive = OptionalInt.of((int) seconds);
            }
        }
        // A second line for the same peer would give the outputs two peers with one identity
        // (two Prometheus series with the same labels fail every scrape); the first one wins.
        if (!iface.firstLineOf(publicKey, before)) {
            throw new BadLine("second line for peer " + publicKey.shortForm() + " of " + iface.name
                    + " (expected one line per peer; the first one is used)");
        }
        peerCount++;
        boolean unchanged = last != null && endpoint == last.endpoint() && allowedIps == last.allowedIps()
                && handshake == last.latestHandshakeEpochSeconds() && rx == last.rxBytes() && tx == last.txBytes()
                && keepalive.equals(last.persistentKeepaliveSeconds());
        iface.peers.add(unchanged ? last : new PeerStatus(iface.name, publicKey, endpoint, allowedIps, handshake, rx, tx, keepalive));
        iface.addressColumns.add(columns);
    }

    /** Whether {@code dump[from, to)} is {@code text}. */
    private boolean regionIs(int from, int to, String text) {
        return to - from == text.length() && dump.startsWith(text, from);
    }

    /** Lines with peer-line shape (8 tabs) from {@code from} on, counted without reading them. */
    private int peerLinesFrom(int from) {
        int count = 0;
        int tabs = 0;
        for (int i = from; i < dump.length(); i++) {
            char c = dump.charAt(i);
            if (c == '\t') {
                tabs++;
            } else if (c == '\n') {
                count += tabs == 8 ? 1 : 0;
                tabs = 0;
            }
        }
        return count + (tabs == 8 ? 1 : 0);
    }

    private PublicKey publicKey(int field, String problem) throws BadLine {
        if (!PublicKey.isValid(dump, starts[field], ends[field])) {
            throw new BadLine(problem + " (expected 44 base64 characters, got " + Shown.value(field(field)) + ")");
        }
        return new PublicKey(field(field));
    }

    // wg prints endpoints with getnameinfo(NI_NUMERICHOST): 192.0.2.1:51820, [2001:db8::1]:51820,
    // [fe80::1%eth0]:51820. Only literals are accepted; the scope stays part of the host.
    private Endpoint endpoint() throws BadLine {
        int from = starts[3];
        int to = ends[3];
        int hostFrom;
        int hostTo;
        int colon;
        boolean ok;
        if (dump.charAt(from) == '[') {
            int close = indexOf(']', from, to);
            hostFrom = from + 1;
            hostTo = close;
            colon = close + 1;
            ok = close > 0 && colon < to && dump.charAt(colon) == ':';
            if (ok) {
                int percent = indexOf('%', hostFrom, hostTo);
                int addressTo = percent >= 0 ? percent : hostTo;
                ok = IpBytes.parse(dump, hostFrom, addressTo, scratch16) == 16 && (addressTo == hostTo || addressTo + 1 < hostTo);
            }
        } else {
            colon = lastIndexOf(':', from, to);
            hostFrom = from;
            hostTo = colon;
            ok = colon > from && !hasColon(from, colon);
            if (ok) {
                ok = IpBytes.parse(dump, from, colon, scratch16) == 4;
            }
        }
        long port = ok ? number(colon + 1, to) : -1;
        if (port < 0 || port > 65535) {
            throw new BadLine("bad endpoint (expected address:port or [address]:port, got " + got(3) + ")");
        }
        return new Endpoint(dump.substring(hostFrom, hostTo), (int) port);
    }

    private List<AllowedIp> allowedIps() throws BadLine {
        int from = starts[4];
        int to = ends[4];
        int count = 1;
        for (int i = from; i < to; i++) {
            if (dump.charAt(i) == ',') {
                count++;
            }
        }
        AllowedIp[] ips = new AllowedIp[count];
        int start = from;
        for (int n = 0; n < count; n++) {
            int end = indexOf(',', start, to);
            if (end < 0) {
                end = to;
            }
            ips[n] = allowedIp(start, end);
            start = end + 1;
        }
        // List.of with fixed arity keeps the elements without copying an array (the usual 1–3 ips).
        return switch (count) {
            case 1 -> List.of(ips[0]);
            case 2 -> List.of(ips[0], ips[1]);
            case 3 -> List.of(ips[0], ips[1], ips[2]);
            default -> List.of(ips);
        };
    }

    private AllowedIp allowedIp(int from, int to) throws BadLine {
        while (from < to && dump.charAt(from) == ' ') {
            from++;
        }
        while (to > from && dump.charAt(to - 1) == ' ') {
            to--;
        }
        int slash = indexOf('/', from, to);
        if (slash >= 0) {
            InetAddress address = IpBytes.address(dump, from, slash, scratch16, scratch4);
            long prefix = number(slash + 1, to);
            if (address != null && prefix >= 0 && prefix <= (address instanceof Inet4Address ? 32 : 128)) {
                return new AllowedIp(address, (int) prefix);
            }
        }
        String item = PublicKey.isValid(dump, from, to) ? "a key-shaped value, not shown" : Shown.value(dump.substring(from, to));
        throw new BadLine("bad allowed ip (expected address/prefix, got " + item + ")");
    }

    // Linux limits interface names to 15 bytes (IFNAMSIZ - 1). Checking that also keeps a
    // key that slipped into the first column out of records and messages.
    private boolean isInterfaceName(int field) {
        int length = ends[field] - starts[field];
        if (length < 1 || length > 15) {
            return false;
        }
        for (int i = starts[field]; i < ends[field]; i++) {
            char c = dump.charAt(i);
            if (c == '/' || c <= ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * The first tab at or after {@code from}, or -1. String.indexOf is an intrinsic; the tab it
     * finds past a line's end is kept for the next lines, so that lines without tabs cannot
     * make the whole parse quadratic.
     */
    private int tabAtOrAfter(int from) {
        if (noTabsLeft) {
            return -1;
        }
        if (foundTab < from) {
            foundTab = dump.indexOf('\t', from);
            if (foundTab < 0) {
                noTabsLeft = true;
            }
        }
        return foundTab;
    }

    // String.indexOf(ch, from) would run on through the rest of a dump of megabytes when the
    // character is not in this field; Java 17 has no bounded variant.
    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (dump.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private int lastIndexOf(char c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (dump.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean hasColon(int from, int to) {
        for (int i = from; i < to; i++) {
            if (dump.charAt(i) == ':') {
                return true;
            }
        }
        return false;
    }

    private boolean isNone(int field) {
        return is(field, NONE);
    }

    private boolean is(int field, String text) {
        return regionIs(starts[field], ends[field], text);
    }

    private String field(int field) {
        return dump.substring(starts[field], ends[field]);
    }

    /**
     * A field's value for a message. A well-formed key in a column that should hold
     * something else may be a secret that slipped over, so it is not shown.
     */
    private String got(int field) {
        return PublicKey.isValid(dump, starts[field], ends[field]) ? "a key-shaped value, not shown" : Shown.value(field(field));
    }

    private long number(int field) {
        return number(starts[field], ends[field]);
    }

    /** A non-negative decimal of at most 18 digits, or -1. */
    private long number(int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = dump.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private long hex(int from, int to) {
        if (to <= from || to - from > 15) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(dump.charAt(i), 16);
            if (digit < 0 || dump.charAt(i) >= 128) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /** The line for a warning, fields separated by spaces; the public key short, secret columns and key-shaped values elsewhere hidden. */
    private String shown(int fields) {
        int secret = fields == 5 ? 1 : 2;
        int publicKey = fields == 5 ? 2 : 1;
        StringBuilder out = new StringBuilder();
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                out.append(' ');
            }
            boolean keyElsewhere = f != publicKey && PublicKey.isValid(dump, starts[f], ends[f]);
            boolean badName = f == 0 && !isInterfaceName(0);
            if ((f == secret && !isNone(f)) || keyElsewhere || badName) {
                out.append("(hidden)");
            } else if (f == publicKey && PublicKey.isValid(dump, starts[f], ends[f])) {
                // short, as logs show keys: a line this broken may have a secret in this column
                out.append(dump, starts[f], starts[f] + 8).append('…');
            } else {
                out.append(Shown.value(field(f)));
            }
        }
        return out.toString();
    }

    /** An interface while its lines are read. */
    private static final class Draft {
        final String name;
        final Optional<PublicKey> publicKey;
        final OptionalInt listenPort;
        final OptionalLong fwmark;
        // Sized for as many peers as last time: a hub's 10,000 do not grow them step by step.
        final List<PeerStatus> peers;
        /** Each peer's endpoint and allowed-ips columns, for the next reading. */
        final List<String> addressColumns;
        /**
         * For {@link #firstLineOf}: the last cycle's positions whose key has a line now, and the
         * keys the last cycle did not have. Its keys are distinct (this check kept them so), so a
         * key claims its old position: no hashing for the peers that were there last time.
         */
        private final BitSet claimedPositions;
        private Set<PublicKey> newKeys;

        /** The interface's peers of the last cycle, usually in the same order as now, and their columns. */
        final List<PeerStatus> previousPeers;
        final List<String> previousColumns;
        Map<PublicKey, Integer> previousByKey;

        Draft(String name, Optional<PublicKey> publicKey, OptionalInt listenPort, OptionalLong fwmark,
              List<PeerStatus> previousPeers, List<String> previousColumns) {
            this.name = name;
            this.publicKey = publicKey;
            this.listenPort = listenPort;
            this.fwmark = fwmark;
            this.previousPeers = previousPeers;
            this.peers = new ArrayList<>(previousPeers.size());
            this.addressColumns = new ArrayList<>(previousPeers.size());
            this.claimedPositions = new BitSet(previousPeers.size());
            // Columns that do not line up with the peers (a reading from elsewhere) are not used.
            this.previousColumns = previousColumns.size() == previousPeers.size()
                    ? previousColumns : Collections.nCopies(previousPeers.size(), null);
        }

        /**
         * Whether this is the first line of {@code key} in this reading; {@code previousIndex}
         * is the key's position in the last cycle's peers ({@link #previousIndex}), or -1.
         */
        boolean firstLineOf(PublicKey key, int previousIndex) {
            if (previousIndex >= 0) {
                if (claimedPositions.get(previousIndex)) {
                    return false;
                }
                claimedPositions.set(previousIndex);
                return true;
            }
            if (newKeys == null) {
                newKeys = new HashSet<>();
            }
            return newKeys.add(key);
        }

        /** The position {@code position} of the last cycle's peers, or -1 past their end. */
        int previousAt(int position) {
            return position < previousPeers.size() ? position : -1;
        }

        /** The position of the peer with {@code key} in the last cycle, or -1: the same position first, else looked up. */
        int previousIndex(PublicKey key) {
            int position = peers.size();
            if (position < previousPeers.size() && previousPeers.get(position).publicKey().equals(key)) {
                return position;
            }
            if (previousPeers.isEmpty()) {
                return -1;
            }
            if (previousByKey == null) {
                previousByKey = new HashMap<>(previousPeers.size() * 4 / 3 + 1);
                for (int i = 0; i < previousPeers.size(); i++) {
                    previousByKey.putIfAbsent(previousPeers.get(i).publicKey(), i);
                }
            }
            return previousByKey.getOrDefault(key, -1);
        }
    }

    /** Why a line is skipped; only thrown for malformed lines, so it carries no stack trace. */
    private static final class BadLine extends Exception {

        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message, null, false, false);
        }
    }
}
