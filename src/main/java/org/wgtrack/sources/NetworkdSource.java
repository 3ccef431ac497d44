package org.wgtrack.sources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wgtrack.files.TextFileException;
import org.wgtrack.files.TextFileReader;
import org.wgtrack.log.Log;
import org.wgtrack.wg.ConfigText;
import org.wgtrack.wg.NetdevParser;
import org.wgtrack.wg.WgConfigException;

/**
 * The systemd-networkd {@code .netdev} whose {@code [NetDev]} says {@code Kind=wireguard} and
 * {@code Name=<ifname>}, found as networkd finds it: {@code *.netdev} in the search path
 * ({@link ConfigDirectories}), each with its drop-ins {@code <file>.netdev.d/*.conf} from every
 * directory of the path, applied in file-name order. Kind and Name may come from a drop-in.
 */
public final class NetworkdSource implements ConfigSource {

    private final List<Path> directories;
    private final TextFileReader files;

    public NetworkdSource(List<Path> directories, TextFileReader files) {
        this.directories = List.copyOf(directories);
        this.files = files;
    }

    @Override
    public Optional<Found> find(String interfaceName) throws SourceException {
        for (Path netdev : ConfigDirectories.files(directories, name -> name.endsWith(".netdev"))) {
            List<Path> dropIns = dropIns(netdev.getFileName().toString());
            List<ConfigText> texts = new ArrayList<>();
            List<SourceException> unreadable = new ArrayList<>();
            for (Path file : concat(netdev, dropIns)) {
                try {
                    texts.add(new ConfigText(file.toString(), files.read(file)));
                } catch (TextFileException e) {
                    unreadable.add(SourceException.unreadable(file, e.reason()));
                }
            }
            if (texts.isEmpty() || !NetdevParser.identify(texts).isWireGuard(interfaceName)) {
                unreadable.forEach(e -> Log.debug(e.getMessage() + " (looking for " + interfaceName + "'s .netdev)"));
                continue;
            }
            if (!unreadable.isEmpty()) {
                throw unreadable.get(0);
            }
            try {
                return Optional.of(new Found(NetdevParser.parse(texts), describe(netdev, dropIns)));
            } catch (WgConfigException e) {
                throw SourceException.malformed(e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public String absence(String interfaceName) {
        return "no systemd-networkd .netdev with Name=" + interfaceName;
    }

    private List<Path> dropIns(String netdevName) {
        List<Path> dirs = directories.stream().map(d -> d.resolve(netdevName + ".d")).toList();
        return ConfigDirectories.files(dirs, name -> name.endsWith(".conf"));
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String describe(Path netdev, List<Path> dropIns) {
        String description = "systemd-networkd file " + netdev;
        if (!dropIns.isEmpty()) {
            description += " with drop-in" + (dropIns.size() == 1 ? " " : "s ")
                    + String.join(", ", dropIns.stream().map(Path::toString).toList());
        }
        return description;
    }
}
