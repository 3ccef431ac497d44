package org.wgtrack.sources;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.wgtrack.files.TextFileException;
import org.wgtrack.files.TextFileReader;
import org.wgtrack.log.Log;
import org.wgtrack.log.Shown;
import org.wgtrack.wg.ConfigText;
import org.wgtrack.wg.InterfaceConfig;
import org.wgtrack.wg.NmKeyfileParser;
import org.wgtrack.wg.WgConfigException;

/**
 * The NetworkManager keyfile whose {@code [connection]} says {@code type=wireguard} and
 * {@code interface-name=<ifname>}: every file of the connection directories that NetworkManager
 * itself would read (not hidden, no backup or editor suffix), in file-name order, a name in an
 * earlier directory masking the same name in a later one.
 */
public final class NetworkManagerSource implements ConfigSource {

    /** Names NetworkManager's keyfile plugin passes over. */
    private static final List<String> IGNORED_SUFFIXES = List.of("~", ".swp", ".tmp", ".bak", ".orig", ".rej",
            ".rpmnew", ".rpmsave", ".nmmeta");

    private final List<Path> directories;
    private final TextFileReader files;

    public NetworkManagerSource(List<Path> directories, TextFileReader files) {
        this.directories = List.copyOf(directories);
        this.files = files;
    }

    @Override
    public Optional<Found> find(String interfaceName) throws SourceException {
        for (Path file : ConfigDirectories.files(directories, NetworkManagerSource::isConnectionFile)) {
            ConfigText text;
            try {
                text = new ConfigText(file.toString(), files.read(file));
            } catch (TextFileException e) {
                Log.debug(file + ": " + e.reason() + " (looking for " + interfaceName + "'s NetworkManager connection)");
                continue;
            }
            if (!NmKeyfileParser.identify(text).isWireGuard(interfaceName)) {
                continue;
            }
            try {
                InterfaceConfig config = NmKeyfileParser.parse(text);
                return Optional.of(new Found(config, "NetworkManager keyfile " + file
                        + config.name().map(id -> " (connection " + Shown.value(id) + ")").orElse("")));
            } catch (WgConfigException e) {
                throw SourceException.malformed(e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public String absence(String interfaceName) {
        return "no NetworkManager keyfile with interface-name=" + interfaceName;
    }

    static boolean isConnectionFile(String name) {
        return !name.startsWith(".") && !name.contains(".dpkg-") && IGNORED_SUFFIXES.stream().noneMatch(name::endsWith);
    }
}
