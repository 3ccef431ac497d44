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
 * <p>One writer per target, kept from cycle to cycle: the temp file's name is drawn once and
 * used again while nobody else takes it, since each write renames it away. Making the name
 * anew each time cost about 0.1 ms of the 0.6 ms a small output's file takes in the cycles
 * before the JIT has compiled the path code.
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

    private final Path target;
    private final Path dir;
    /** The hidden temp file's name, random; drawn anew only when a file of that name is found there. */
    private Path tempFile;

    public AtomicFileWriter(Path target) {
        this.target = target;
        this.dir = target.toAbsolutePath().getParent();
        this.tempFile = randomTempFile();
    }

    /** What goes into the file, written as it is produced. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Throws IOException {@code cannot write /path: reason} naming what went wrong. */
    public synchronized void write(byte[] content) throws IOException {
        write(out -> out.write(content));
    }

    /**
     * Streams {@code content} into the temp file through a small buffer, so that an output of
     * megabytes (100,000 peers) never sits in memory whole; errors as {@link #write(byte[])}.
     */
    public synchronized void write(Content content) throws IOException {
        Path temp = null; // set once created: only our own file is ever removed
        try {
            SeekableByteChannel channel;
            try {
                channel = Files.newByteChannel(tempFile, CREATE_NEW_FOR_WRITING, OWNER_ONLY);
            } catch (FileAlreadyExistsException e) {
                // Left by a killed run, or laid there by someone who saw the name: a new one,
                // random again, so taking it first is as unlikely as ever.
                tempFile = randomTempFile();
                channel = Files.newByteChannel(tempFile, CREATE_NEW_FOR_WRITING, OWNER_ONLY);
            } catch (NoSuchFileException e) {
                throw Files.isDirectory(dir) ? e : new IOException("directory " + dir + " does not exist");
            }
            temp = tempFile;
            try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE)) {
                content.writeTo(out);
            }
            // Created 0600, so nobody opens it while it is written; readers such as telegraf run as another user.
            Files.setPosixFilePermissions(temp, MODE_0644);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e, tempFile), e);
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
    private Path randomTempFile() {
        return dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
    }

    /** The cause in words, naming the file only when it is not our random temp file. */
    private static String reason(IOException e, Path temp) {
        FileSystemException fs = FileSystemException.class.isInstance(e) ? (FileSystemException) e : null;
        String file = fs != null && fs.getFile() != null && !fs.getFile().equals(temp.toString()) ? " (" + fs.getFile() + ")" : "";
        if (AccessDeniedException.class.isInstance(e)) {
            return "permission denied" + file;
        }
        if (NoSuchFileException.class.isInstance(e)) {
            return "no such file or directory" + file;
        }
        if (fs != null && fs.getReason() != null) {
            return fs.getReason() + file;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
