package org.wgtrack.sources;

import java.nio.file.Path;
import java.util.Optional;
import org.wgtrack.files.TextFileException;
import org.wgtrack.files.TextFileReader;
import org.wgtrack.wg.WgConfigException;
import org.wgtrack.wg.WgQuickParser;

/** {@code <directory>/<ifname>.conf} in wg-quick's format; a missing file is normal. */
public final class WgQuickSource implements ConfigSource {

    private final Path directory;
    private final TextFileReader files;

    public WgQuickSource(Path directory, TextFileReader files) {
        this.directory = directory;
        this.files = files;
    }

    @Override
    public Optional<Found> find(String interfaceName) throws SourceException {
        Path file = file(interfaceName);
        String text;
        try {
            text = files.read(file);
        } catch (TextFileException e) {
            if (e.kind() == TextFileException.Kind.NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw SourceException.unreadable(file, e.reason());
        }
        try {
            return Optional.of(new Found(WgQuickParser.parse(file.toString(), text), "wg-quick file " + file));
        } catch (WgConfigException e) {
            throw SourceException.malformed(e.getMessage());
        }
    }

    @Override
    public String absence(String interfaceName) {
        return "no " + file(interfaceName);
    }

    private Path file(String interfaceName) {
        return directory.resolve(interfaceName + ".conf");
    }
}
