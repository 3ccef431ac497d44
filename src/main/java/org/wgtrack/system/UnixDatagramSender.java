package org.wgtrack.system;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Sends one datagram to a Unix datagram socket ({@code NOTIFY_SOCKET}), from this process: the
 * JDK has Unix stream sockets only, so this calls libc's socket(2) and sendto(2) through JNA.
 * Sending from the JVM itself, the main process of the unit, is what lets the unit keep the
 * default {@code NotifyAccess=main} (no child process may alter the service's state) and
 * leaves no race between a helper's exit and systemd reading its message.
 *
 * <p>A path starting with '@' is in the abstract namespace (its first byte 0), as sd_notify(3)
 * reads NOTIFY_SOCKET.
 */
final class UnixDatagramSender implements SystemdNotify.Sender {

    private static final int AF_UNIX = 1;
    /** 2 everywhere but on MIPS (a Debian architecture), where SOCK_DGRAM and SOCK_STREAM are swapped. */
    private static final int SOCK_DGRAM = System.getProperty("os.arch", "").startsWith("mips") ? 1 : 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int MSG_NOSIGNAL = 0x4000;
    /** sizeof(struct sockaddr_un): sa_family_t and 108 bytes of path. */
    private static final int SOCKADDR_UN_SIZE = 110;

    /** The few libc calls needed; errno arrives as LastErrorException. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
                throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static volatile LibC libc;

    private final byte[] address;
    private final int addressLength;

    UnixDatagramSender(String socketPath) throws IOException {
        byte[] path = socketPath.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = socketPath.startsWith("@");
        if (path.length == 0 || path.length > SOCKADDR_UN_SIZE - 2 - (abstractName ? 0 : 1)) {
            throw new IOException("NOTIFY_SOCKET is not a usable socket address (" + path.length + " bytes)");
        }
        address = new byte[SOCKADDR_UN_SIZE];
        // sa_family_t is an unsigned short in the host's byte order (big-endian on s390x).
        boolean littleEndian = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        address[littleEndian ? 0 : 1] = (byte) AF_UNIX;
        address[littleEndian ? 1 : 0] = 0;
        System.arraycopy(path, 0, address, 2, path.length);
        if (abstractName) {
            address[2] = 0;
            addressLength = 2 + path.length;
        } else {
            addressLength = 2 + path.length + 1;
        }
    }

    private static LibC libc() {
        LibC loaded = libc;
        if (loaded == null) {
            synchronized (UnixDatagramSender.class) {
                if (libc == null) {
                    // JNA unpacks its native part into jna.tmpdir; its default under ~/.cache is hidden by
                    // the unit's ProtectHome=yes, the private /tmp is not.
                    if (System.getProperty("jna.tmpdir") == null) {
                        System.setProperty("jna.tmpdir", System.getProperty("java.io.tmpdir"));
                    }
                    libc = Native.load("c", LibC.class);
                }
                loaded = libc;
            }
        }
        return loaded;
    }

    @Override
    public void send(String message) throws IOException {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        try {
            LibC c = libc();
            int fd = c.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            try {
                c.sendto(fd, data, new NativeLong(data.length), MSG_NOSIGNAL, address, addressLength);
            } finally {
                c.close(fd);
            }
        } catch (LastErrorException e) {
            throw new IOException("errno " + e.getErrorCode() + " (" + e.getMessage() + ")", e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IOException("cannot load libc through JNA: " + e.getMessage(), e);
        }
    }
}
