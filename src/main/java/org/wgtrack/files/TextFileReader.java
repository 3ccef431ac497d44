package org.wgtrack.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Reads a text file that people edit ({@code wgtrack.conf}, {@code /etc/wireguard/wg0.conf}) so
 * that a read can neither block nor exhaust memory, and says why it failed in words an operator
 * can act on ({@link TextFileException#reason()}: "permission denied", "not UTF-8 at line 3",
 * "not a regular file (a FIFO)", "larger than 1 MiB").
 *
 * <p>The file's type is looked up (following symlinks) before it is opened: opening a FIFO for
 * reading blocks until a writer appears, which would stall the cycle thread, so only regular
 * files are opened. A regular file is read up to the reader's limit plus one byte, so a huge file
 * costs no more than that. Residual race: a path that is replaced by a FIFO between the look-up
 * and the open still blocks the open; that takes write access to the directory (root's
 * {@code /etc}), and Java offers no {@code O_NONBLOCK} open to close it.
 */
public final class TextFileReader {

    /** The largest wgtrack.conf or hooks file read: far above any real one, small enough to hold in memory. */
    public static final int MAX_BYTES = 1 << 20;
    /**
     * The largest WireGuard configuration read (wg-quick, {@code .netdev}, keyfile): a hub's
     * file grows with its peers, about 140 bytes each (200 with a preshared key), so this is room
     * for the 250,000 peers wgtrack tracks at most, or 160,000 with preshared keys. Read only
     * when an interface appears and on reload.
     */
    public static final int WIREGUARD_MAX_BYTES = 32 << 20;

    /** What a path is, from one look-up that follows symlinks. */
    public enum FileType {
        REGULAR(null), DIRECTORY("a directory"), FIFO("a FIFO"), SOCKET("a socket"),
        CHARACTER_DEVICE("a character device"), BLOCK_DEVICE("a block device"), OTHER("a special file");

        private final String description;

        FileType(String description) {
            this.description = description;
        }
    }

    /** The two file-system calls a read makes; tests fake them (root ignores file modes). */
    public interface FileAccess {
        /** The type of the file the path leads to, following symlinks. */
        FileType type(Path path) throws IOException;

        InputStream open(Path path) throws IOException;
    }

    /** The real file system. */
    public static final FileAccess SYSTEM = new FileAccess() {
        @Override
        public FileType type(Path path) throws IOException {
            try {
                // The "unix" view tells a FIFO from a socket or a device; "basic" only says "other".
                Map<String, Object> attributes = Files.readAttributes(path, "unix:mode");
                return fromMode((Integer) attributes.get("mode"));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
                return basic.isRegularFile() ? FileType.REGULAR : basic.isDirectory() ? FileType.DIRECTORY : FileType.OTHER;
            }
        }

        @Override
        public InputStream open(Path path) throws IOException {
            return Files.newInputStream(path);
        }
    };

    private final FileAccess access;
    private final int maxBytes;

    /** A reader of files up to {@link #MAX_BYTES}. */
    public TextFileReader(FileAccess access) {
        this(access, MAX_BYTES);
    }

    /** A reader of files up to {@code maxBytes}, a whole number of MiB. */
    public TextFileReader(FileAccess access, int maxBytes) {
        if (maxBytes <= 0 || maxBytes % (1 << 20) != 0) {
            throw new IllegalArgumentException("maxBytes must be a whole number of MiB, not " + maxBytes);
        }
        this.access = access;
        this.maxBytes = maxBytes;
    }

    /** The file's text, decoded as strict UTF-8. */
    public String read(Path path) throws TextFileException {
        byte[] bytes;
        try {
            FileType type = access.type(path);
            if (type != FileType.REGULAR) {
                throw new TextFileException(TextFileException.Kind.NOT_REGULAR,
                        "not a regular file (" + type.description + ")");
            }
            try (InputStream in = access.open(path)) {
                bytes = in.readNBytes(maxBytes + 1);
            }
        } catch (NoSuchFileException e) {
            throw new TextFileException(TextFileException.Kind.NO_SUCH_FILE, "no such file");
        } catch (AccessDeniedException e) {
            throw new TextFileException(TextFileException.Kind.PERMISSION_DENIED, "permission denied");
        } catch (FileSystemException e) {
            // getReason() is the OS's text ("Is a directory"), without the path getMessage() repeats
            throw new TextFileException(TextFileException.Kind.OTHER,
                    "cannot read (" + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + ")");
        } catch (IOException e) {
            throw new TextFileException(TextFileException.Kind.OTHER, "cannot read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > maxBytes) {
            throw new TextFileException(TextFileException.Kind.TOO_LARGE, "larger than " + (maxBytes >> 20) + " MiB");
        }
        return decode(bytes);
    }

    /**
     * Strict UTF-8; the error names the line (counted in {@code \n}) of the first bad byte.
     * The strict decoder only checks, into a small buffer it fills again and again; the text is
     * then made from the bytes at once. Decoding into a buffer for the whole text held it twice
     * more as chars: a 30 MiB file read with {@code -Xmx100m} now and needed 160m that way.
     */
    static String decode(byte[] bytes) throws TextFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer scratch = CharBuffer.allocate(CHECK_BUFFER_CHARS);
        CoderResult result;
        do {
            scratch.clear();
            result = decoder.decode(in, scratch, true);
        } while (result.isOverflow());
        if (!result.isError()) {
            result = decoder.flush(scratch);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new TextFileException(TextFileException.Kind.NOT_UTF8, "not UTF-8 at line " + line);
        }
        return new String(bytes, StandardCharsets.UTF_8); // valid, as just checked: the same text
    }

    /** Room the check decodes into: any size of at least two chars (a surrogate pair) works. */
    private static final int CHECK_BUFFER_CHARS = 8192;

    static FileType fromMode(int mode) {
        return switch (mode & 0170000) {
            case 0100000 -> FileType.REGULAR;
            case 0040000 -> FileType.DIRECTORY;
            case 0010000 -> FileType.FIFO;
            case 0140000 -> FileType.SOCKET;
            case 0020000 -> FileType.CHARACTER_DEVICE;
            case 0060000 -> FileType.BLOCK_DEVICE;
            default -> FileType.OTHER;
        };
    }
}
