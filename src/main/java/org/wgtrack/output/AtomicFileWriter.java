package org.wgtrack.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Replaces a file so that a reader (Telegraf, a cron job) sees the old or the new content,
 * never a partial one: the content goes to a hidden temp file in the same directory (same file
 * system, so the rename is atomic), gets mode 0644, and is renamed over the target.
 * The temp file is removed on every failure.
 *
 * <p>Deliberately no fsync: the rename alone makes the switch atomic for readers, and the file
 * is rewritten every cycle, so what a crash could cost is one cycle's status; an fsync per
 * output per cycle would cost a router's flash storage a write every 30 s for nothing.
 */
public final class AtomicFileWriter {

    private static final int BUFFER_SIZE = 16384;
    private static final Set<PosixFilePermission> MODE_0644 = PosixFilePermissions.fromString("rw-r--r--");
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<OpenOption> CREATE_NEW_FOR_WRITING =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFileWriter() {
    }

    /** Throws IOException {@code cannot write /path: reason} naming what went wrong. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, content.length);
    }

    /** Writes the first {@code length} bytes of {@code content}; errors as {@link #write(Path, byte[])}. */
    public static void write(Path target, byte[] content, int length) throws IOException {
        write(target, out -> out.write(content, 0, length));
    }

    /** What goes into the file, written as it is produced. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Streams {@code content} into the temp file through a small buffer, so that an output of
     * megabytes (100,000 peers) never sits in memory whole; errors as {@link #write(Path, byte[])}.
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path candidate = tempFileFor(dir, target);
        Path temp = null; // set once created: only our own file is ever removed
        try {
            SeekableByteChannel channel;
            try {
                channel = Files.newByteChannel(candidate, CREATE_NEW_FOR_WRITING, OWNER_ONLY);
            } catch (FileAlreadyExistsException e) {
                candidate = tempFileFor(dir, target); // a random name taken: as unlikely twice in a row
                channel = Files.newByteChannel(candidate, CREATE_NEW_FOR_WRITING, OWNER_ONLY);
            } catch (NoSuchFileException e) {
                throw Files.isDirectory(dir) ? e : new IOException("directory " + dir + " does not exist");
            }
            temp = candidate;
            try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE)) {
                content.writeTo(out);
            }
            // Created 0600, so nobody opens it while it is written; readers such as telegraf run as another user.
            Files.setPosixFilePermissions(temp, MODE_0644);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e, candidate), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed and says why; a leftover temp file is the lesser problem
                }
            }
        }
    }

    /**
     * A hidden name beside the target: a glob such as /var/cache/*.out in Telegraf's config never
     * sees it. Random, as Files.createTempFile makes them, so that nobody can lay a file or a
     * link there first; it is created exclusively, without following links.
     */
    private static Path tempFileFor(Path dir, Path target) {
        return dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
    }

    /** The cause in words, naming the file only when it is not our random temp file. */
    private static String reason(IOException e, Path temp) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null
                && !fs.getFile().equals(temp.toString()) ? " (" + fs.getFile() + ")" : "";
        if (e instanceof AccessDeniedException) {
            return "permission denied" + file;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory" + file;
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + file;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
