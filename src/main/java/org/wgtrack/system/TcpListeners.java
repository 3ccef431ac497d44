package org.wgtrack.system;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Who listens on a local TCP port, from {@code /proc}: the sockets in {@code net/tcp} and
 * {@code net/tcp6} (readable by everyone: address, owner's uid, inode) and the process holding
 * one ({@code /proc/PID/fd/* -> socket:[INODE]}; other users' processes only for root).
 * {@code wgtrack status} asks this before it believes, or sends credentials to, a listener.
 */
public final class TcpListeners {

    /** A listening socket: its local address (the wildcard for all), port, owner's uid and inode. */
    public record Listener(InetAddress address, int port, int uid, long inode) {
    }

    /** The process holding a socket: pid, effective uid, and its command line (empty for a kernel thread). */
    public record Holder(long pid, int uid, List<String> commandLine) {
    }

    /** {@code 0A} in the {@code st} column: TCP_LISTEN. */
    private static final String LISTEN = "0A";

    private final Path proc;

    public TcpListeners(Path proc) {
        this.proc = proc;
    }

    public static TcpListeners system() {
        return new TcpListeners(Path.of("/proc"));
    }

    /**
     * The listening sockets a connection to {@code address:port} could reach: those bound to it,
     * to the wildcard of its family, and for IPv4 the IPv6 wildcard and IPv4-mapped address.
     */
    public List<Listener> reaching(InetAddress address, int port) throws IOException {
        List<Listener> found = new ArrayList<>();
        for (Listener listener : listening(port)) {
            if (reaches(listener.address(), address)) {
                found.add(listener);
            }
        }
        return found;
    }

    /** Every socket listening on the port, IPv4 and IPv6. */
    public List<Listener> listening(int port) throws IOException {
        List<Listener> found = new ArrayList<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(proc.resolve(table), StandardCharsets.US_ASCII);
            } catch (NoSuchFileException e) {
                continue; // no IPv6 in this kernel
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                parse(line).filter(l -> l.port() == port).ifPresent(found::add);
            }
        }
        return found;
    }

    /** The process holding the socket with this inode, if this user may see it. */
    public Optional<Holder> holder(long inode) throws IOException {
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, TcpListeners::isPid)) {
            for (Path process : processes) {
                if (holds(process.resolve("fd"), target)) {
                    return describe(process);
                }
            }
        }
        return Optional.empty();
    }

    /** One line of net/tcp or net/tcp6; empty for a socket that is not listening or a line that does not parse. */
    static Optional<Listener> parse(String line) {
        String[] columns = line.trim().split("\\s+");
        if (columns.length < 10 || !columns[3].equals(LISTEN)) {
            return Optional.empty();
        }
        int colon = columns[1].indexOf(':');
        try {
            InetAddress address = address(columns[1].substring(0, colon));
            int port = Integer.parseInt(columns[1].substring(colon + 1), 16);
            return Optional.of(new Listener(address, port, Integer.parseInt(columns[7]), Long.parseLong(columns[9])));
        } catch (RuntimeException | UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The kernel prints an address as 32-bit words in the host's byte order, each as 8 hex digits. */
    private static InetAddress address(String hex) throws UnknownHostException {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("not an address");
        }
        ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2);
        for (int i = 0; i < hex.length(); i += 8) {
            int word = Integer.parseUnsignedInt(hex.substring(i, i + 8), 16);
            bytes.putInt(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(word) : word);
        }
        return InetAddress.getByAddress(bytes.array());
    }

    private static boolean reaches(InetAddress bound, InetAddress target) {
        if (bound.equals(target) || bound.isAnyLocalAddress() && sameFamily(bound, target)) {
            return true;
        }
        if (target instanceof Inet4Address && bound instanceof Inet6Address) {
            // A dual-stack socket: [::] takes IPv4 too (unless IPV6_V6ONLY, which /proc does not show), ::ffff:a.b.c.d that address.
            byte[] b = bound.getAddress();
            boolean mapped = Arrays.equals(Arrays.copyOf(b, 12), new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1})
                    && Arrays.equals(Arrays.copyOfRange(b, 12, 16), target.getAddress());
            return bound.isAnyLocalAddress() || mapped;
        }
        return false;
    }

    private static boolean sameFamily(InetAddress a, InetAddress b) {
        return a.getClass() == b.getClass();
    }

    private static boolean isPid(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static boolean holds(Path fds, String target) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(target)) {
                        return true;
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            // another user's process (not ours to see), or one that ended
        }
        return false;
    }

    private static Optional<Holder> describe(Path process) throws IOException {
        long pid = Long.parseLong(process.getFileName().toString());
        try {
            byte[] raw = Files.readAllBytes(process.resolve("cmdline"));
            List<String> commandLine = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    commandLine.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < raw.length) {
                commandLine.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
            }
            OptionalInt uid = effectiveUid(process);
            return uid.isPresent() ? Optional.of(new Holder(pid, uid.getAsInt(), List.copyOf(commandLine))) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty(); // it ended
        }
    }

    /** The user this process acts as. */
    public int selfUid() throws IOException {
        return effectiveUid(proc.resolve("self")).orElseThrow(() -> new IOException("no Uid: line in " + proc.resolve("self/status")));
    }

    /** The second number of {@code Uid:} in /proc/PID/status (real, effective, saved, filesystem). */
    private static OptionalInt effectiveUid(Path process) throws IOException {
        for (String line : Files.readAllLines(process.resolve("status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("Uid:")) {
                String[] fields = line.substring(4).trim().split("\\s+");
                return OptionalInt.of(Integer.parseInt(fields[1]));
            }
        }
        return OptionalInt.empty();
    }
}
