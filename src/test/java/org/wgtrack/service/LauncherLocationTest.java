package org.wgtrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LauncherLocationTest {

    private final FakeServiceFiles files = new FakeServiceFiles();

    @Test
    void propertySetByTheLauncherWins() {
        assertThat(LauncherLocation.locate("/srv/wgtrack/bin/../bin/wgtrack",
                Optional.of(Path.of("/usr/share/wgtrack/wgtrack.jar")), files))
                .hasValue(Path.of("/srv/wgtrack/bin/wgtrack"));
    }

    @Test
    void packagedJarMeansThePackagedLauncher() {
        assertThat(LauncherLocation.locate(null, Optional.of(Path.of("/usr/share/wgtrack/wgtrack.jar")), files))
                .hasValue(Path.of("/usr/bin/wgtrack"));
    }

    @Test
    void checkoutJarMeansTheCheckoutsLauncher() {
        files.withExecutable("/srv/wgtrack/bin/wgtrack");

        assertThat(LauncherLocation.locate("", Optional.of(Path.of("/srv/wgtrack/target/wgtrack.jar")), files))
                .hasValue(Path.of("/srv/wgtrack/bin/wgtrack"));
    }

    @Test
    void jarElsewhereOrNoJarIsUnknown() {
        assertThat(LauncherLocation.locate(null, Optional.of(Path.of("/tmp/wgtrack.jar")), files)).isEmpty();
        assertThat(LauncherLocation.locate(null, Optional.of(Path.of("/srv/wgtrack/target/wgtrack.jar")), files)).isEmpty();
        assertThat(LauncherLocation.locate(null, Optional.empty(), files)).isEmpty();
    }
}
