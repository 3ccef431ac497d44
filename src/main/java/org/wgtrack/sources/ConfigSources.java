package org.wgtrack.sources;

import java.util.ArrayList;
import java.util.List;
import org.wgtrack.config.GeneralSettings;
import org.wgtrack.files.TextFileReader;
import org.wgtrack.wg.ConfigFormat;

/** The sources {@code config_sources} names, in its order, each with its configured directories. */
public final class ConfigSources {

    private ConfigSources() {
    }

    public static List<ConfigSource> of(GeneralSettings general) {
        return of(general, new TextFileReader(TextFileReader.SYSTEM, TextFileReader.WIREGUARD_MAX_BYTES));
    }

    public static List<ConfigSource> of(GeneralSettings general, TextFileReader files) {
        List<ConfigSource> sources = new ArrayList<>();
        for (ConfigFormat format : general.configSources()) {
            sources.add(switch (format) {
                case WG_QUICK -> new WgQuickSource(general.wireguardConfigDir(), files);
                case NETWORKD -> new NetworkdSource(general.networkdConfigDirs(), files);
                case NETWORKMANAGER -> new NetworkManagerSource(general.networkManagerConfigDirs(), files);
            });
        }
        return List.copyOf(sources);
    }
}
