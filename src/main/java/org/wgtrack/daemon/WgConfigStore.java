package org.wgtrack.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wgtrack.log.Log;
import org.wgtrack.sources.ConfigSource;
import org.wgtrack.sources.SourceException;
import org.wgtrack.wg.InterfaceConfig;
import org.wgtrack.wg.PeerConfig;
import org.wgtrack.wg.PublicKey;

/**
 * The WireGuard configuration of every interface the live state shows, from the first of the
 * configured sources that has one (a wg-quick file, a systemd-networkd {@code .netdev}, a
 * NetworkManager keyfile). Looked up when the interface first appears and again on reload;
 * where it was found is logged once, and again when that changes. A file that is the
 * interface's but cannot be read or parsed is reported and its last good contents are kept.
 * No configuration anywhere is normal (the interface was set up with {@code wg set}): its peers
 * are tracked without configured endpoints, so without re-resolution, unless wgtrack.conf names
 * their endpoints.
 */
final class WgConfigStore {

    private List<ConfigSource> sources;
    private final Map<String, Optional<InterfaceConfig>> byInterface = new HashMap<>();
    /** Peers by key of each interface: every cycle looks up every peer, a list scan would be quadratic. */
    private final Map<String, Map<PublicKey, PeerConfig>> peersByInterface = new HashMap<>();
    /** What was last said about where each interface's configuration is, so it is said once. */
    private final Map<String, String> announced = new HashMap<>();

    WgConfigStore(List<ConfigSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Looks up interfaces seen for the first time and forgets interfaces that are gone. */
    void track(Set<String> liveInterfaces) {
        byInterface.keySet().retainAll(liveInterfaces);
        peersByInterface.keySet().retainAll(liveInterfaces);
        announced.keySet().retainAll(liveInterfaces);
        for (String name : liveInterfaces) {
            if (!byInterface.containsKey(name)) {
                store(name, read(name, Optional.empty()));
            }
        }
    }

    /** Looks up every known interface again (SIGHUP), in the sources of the new configuration. */
    void reload(List<ConfigSource> newSources) {
        sources = List.copyOf(newSources);
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

    /** The interface's configured peers by key (none when it has no configuration): the cycle looks up every peer. */
    Map<PublicKey, PeerConfig> peersOf(String interfaceName) {
        return peersByInterface.getOrDefault(interfaceName, Map.of());
    }

    private Optional<InterfaceConfig> read(String interfaceName, Optional<InterfaceConfig> lastGood) {
        List<String> absences = new ArrayList<>();
        for (ConfigSource source : sources) {
            Optional<ConfigSource.Found> found;
            try {
                found = source.find(interfaceName);
            } catch (SourceException e) {
                Log.error(e.getMessage() + (e.kind() == SourceException.Kind.UNREADABLE
                        ? "; " + (lastGood.isPresent() ? "keeping its previous contents"
                                : "tracking " + interfaceName + "'s live state without configured endpoints")
                        : lastGood.isPresent() ? " (keeping its previous contents)" : " (its data is ignored)"));
                announced.remove(interfaceName);
                return lastGood;
            }
            if (found.isPresent()) {
                InterfaceConfig config = found.get().config();
                announce(interfaceName, interfaceName + ": peers from " + found.get().description());
                Log.debug(interfaceName + ": read " + config.source() + " (" + config.peers().size() + " peers)");
                return Optional.of(config);
            }
            absences.add(source.absence(interfaceName));
        }
        announce(interfaceName, interfaceName + ": " + (absences.isEmpty() ? "no configuration sources" : String.join(", ", absences))
                + "; tracking its live state without configured endpoints (no re-resolution unless wgtrack.conf names them:"
                + " endpoint = host:port in [peer:" + interfaceName + ":<public key>])");
        return Optional.empty();
    }

    private void announce(String interfaceName, String message) {
        if (!message.equals(announced.put(interfaceName, message))) {
            Log.info(message);
        }
    }
}
