package org.wgtrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServiceTemplatesTest {

    /** The .deb ships packaging/; install writes the jar's copy: they must not drift apart. */
    @ParameterizedTest
    @ValueSource(strings = {"wgtrack.service", "wgtrack.openrc"})
    void jarCopyIsIdenticalToThePackagingFile(String name) throws IOException {
        assertThat(ServiceTemplates.resource(name))
                .isEqualTo(Files.readString(Path.of("packaging", name), StandardCharsets.UTF_8));
    }

    @Test
    void systemdUnitRunsTheGivenLauncherWithTheDefaultConfig() {
        String unit = ServiceTemplates.systemdUnit(Path.of("/srv/wgtrack/bin/wgtrack"));

        assertThat(unit).contains("\nExecStart=/srv/wgtrack/bin/wgtrack --config /etc/wgtrack.conf\n");
        assertThat(unit).doesNotContain("/usr/bin/wgtrack ");
    }

    @Test
    void packagedLauncherLeavesTheUnitAsShipped() {
        assertThat(ServiceTemplates.systemdUnit(Path.of("/usr/bin/wgtrack")))
                .isEqualTo(ServiceTemplates.resource("wgtrack.service"));
    }

    @Test
    void openrcScriptRunsTheGivenLauncher() {
        String script = ServiceTemplates.openrcScript(Path.of("/srv/wgtrack/bin/wgtrack"));

        assertThat(script).startsWith("#!/sbin/openrc-run\n");
        assertThat(script).contains("\ncommand=\"/srv/wgtrack/bin/wgtrack\"\ncommand_args=\"--config /etc/wgtrack.conf\"\n");
    }

    @Test
    void unitHasTheRequiredServiceSettings() {
        String unit = ServiceTemplates.resource("wgtrack.service");

        assertThat(unit.lines()).contains(
                "Wants=network-online.target",
                "After=network-online.target",
                "Restart=on-failure",
                "ExecReload=/bin/kill -HUP $MAINPID",
                "User=root",
                "CapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_RAW",
                "AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW",
                "ProtectSystem=strict",
                "ReadWritePaths=/var/cache",
                "ReadOnlyPaths=-/etc/wireguard",
                "ProtectHome=yes",
                "PrivateTmp=yes",
                "NoNewPrivileges=yes",
                "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK",
                "MemoryDenyWriteExecute=no",
                "SystemCallArchitectures=native");
    }
}
