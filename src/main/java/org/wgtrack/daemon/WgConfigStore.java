package org.wgtrack.daemon;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wgtrack.files.TextFileException;
import org.wgtrack.files.TextFileReader;
import org.wgtrack.log.Log;
import org.wgtrack.wg.PeerConfig;
import org.wgtrack.wg.PublicKey;
import org.wgtrack.wg.WgConfigException;
import org.wgtrack.wg.InterfaceConfig;
import org.wgtrack.wg.WgQuickParser;

/**
 * The wg-quick files of the interfaces the live state shows ({@code <dir>/<ifname>.conf}).
 * A file is read when its interface first appears and again on reload; a malformed file is
 * reported and its last good contents are kept; a missing file is normal (the interface was
 * configured by other means) and means no re-resolution for its peers. A file that cannot be
 * read (permission denied, not UTF-8, not a regular file, larger than 1 MiB) is reported with the
 * reason and treated like a malformed one.
 */
final class WgConfigStore {

    private Path directory;
    /** Reads regular files only, at most 1 MiB: a FIFO here would block the cycle thread. */
    private final TextFileReader files;
    private final Map<String, Optional<InterfaceConfig>> byInterface = new HashMap<>();
    /** Peers by key of each file: every cycle looks up every peer, a list scan would be quadratic. */
    private final Map<String, Map<PublicKey, PeerConfig>> peersByInterface = new HashMap<>();

    WgConfigStore(Path directory) {
        this(directory, new TextFileReader(TextFileReader.SYSTEM));
    }

    WgConfigStore(Path directory, TextFileReader files) {
        this.directory = directory;
        this.files = files;
    }

    /** Reads the files of interfaces seen for the first time and forgets interfaces that are gone. */
    void track(Set<String> liveInterfaces) {
        byInterface.keySet().retainAll(liveInterfaces);
        peersByInterface.keySet().retainAll(liveInterfaces);
        for (String name : liveInterfaces) {
            if (!byInterface.containsKey(name)) {
                store(name, read(name, Optional.empty()));
            }
        }
    }

    /** Re-reads every known interface's file (SIGHUP), keeping last good data of broken files. */
    void reload(Path newDirectory) {
        directory = newDirectory;
        for (String name : List.copyOf(byInterface.keySet())) {
            store(name, read(name, byInterface.get(name)));
        }
    }

    private void store(String interfaceName, Optional<InterfaceConfig> config) {
        byInterface.put(interfaceName, config);
        peersByInterface.put(interfaceName, config.map(InterfaceConfig::peersByKey).orElse(Map.of()));
    }

    Optional<InterfaceConfig> config(String interfaceName) {
        return byInterface.getOrDefault(interfaceName, Optional.empty());
    }

    Optional<PeerConfig> peer(String interfaceName, PublicKey key) {
        return Optional.ofNullable(peersByInterface.getOrDefault(interfaceName, Map.of()).get(key));
    }

    private Optional<InterfaceConfig> read(String interfaceName, Optional<InterfaceConfig> lastGood) {
        Path file = directory.resolve(interfaceName + ".conf");
        String text;
        try {
            text = files.read(file);
        } catch (TextFileException e) {
            if (e.kind() == TextFileException.Kind.NO_SUCH_FILE) {
                Log.info(interfaceName + ": no " + file + "; tracking its live state without configured endpoints");
                return Optional.empty();
            }
            Log.error(unreadable(file, interfaceName, e.reason(), lastGood));
            return lastGood;
        }
        try {
            InterfaceConfig config = WgQuickParser.parse(file.toString(), text);
            Log.debug(interfaceName + ": read " + file + " (" + config.peers().size() + " peers)");
            return Optional.of(config);
        } catch (WgConfigException e) {
            Log.error(e.getMessage() + keeping(lastGood));
            return lastGood;
        }
    }

    /** {@code /etc/wireguard/wg0.conf: permission denied; tracking wg0's live state without configured endpoints}. */
    static String unreadable(Path file, String interfaceName, String reason, Optional<InterfaceConfig> lastGood) {
        return file + ": " + reason + "; " + (lastGood.isPresent() ? "keeping its previous contents"
                : "tracking " + interfaceName + "'s live state without configured endpoints");
    }

    private static String keeping(Optional<InterfaceConfig> lastGood) {
        return lastGood.isPresent() ? " (keeping its previous contents)" : " (its data is ignored)";
    }
}
