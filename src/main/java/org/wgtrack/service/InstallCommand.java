package org.wgtrack.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wgtrack install}: writes and enables the wgtrack service (systemd unit or OpenRC
 * script) that runs the launcher with /etc/wgtrack.conf, and starts it.
 *
 * <p>Which launcher: {@code --launcher PATH}, else the launcher this process was started by
 * (/usr/bin/wgtrack from the .deb, or a checkout's bin/wgtrack by its absolute path).
 */
@Command(name = "install", description = "Install, enable and start wgtrack as a system service (systemd or OpenRC).")
public final class InstallCommand extends ServiceCommand {

    /** The unit's ProtectHome=yes hides these from the service. */
    private static final List<Path> HIDDEN_FROM_SERVICE = List.of(Path.of("/home"), Path.of("/root"), Path.of("/run/user"));

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "Launcher the service runs (default: the one running this command, e.g. /usr/bin/wgtrack).")
    Path launcher;

    public InstallCommand() {
        this(ServiceHost.local());
    }

    public InstallCommand(ServiceHost host) {
        super(host);
    }

    @Override
    void preconditions() throws ServiceException {
        if (host.path().find("wg").isEmpty()) {
            throw new ServiceException("wg not found on PATH; install the wireguard-tools package"
                    + " (apt-get install wireguard-tools)");
        }
    }

    @Override
    ServicePlan plan(InitSystem init) throws ServiceException, IOException {
        return new ServicePlanner(host.files()).install(init, chooseLauncher(init));
    }

    private Path chooseLauncher(InitSystem init) throws ServiceException {
        Optional<Path> chosen = launcher != null
                ? Optional.of(launcher.toAbsolutePath().normalize())
                : host.runningLauncher();
        Path path = chosen.orElseThrow(() -> new ServiceException(
                "cannot tell which launcher the service should run; pass --launcher PATH"));
        if (!path.toString().matches("[A-Za-z0-9._+/-]+")) {
            throw new ServiceException("launcher path '" + path + "' has characters that the service file"
                    + " would need quoted; use a path of letters, digits and . _ + - / only");
        }
        if (!host.files().isExecutableFile(path)) {
            throw new ServiceException("launcher " + path + " is not an executable file");
        }
        if (init == InitSystem.SYSTEMD) {
            for (Path hidden : HIDDEN_FROM_SERVICE) {
                if (path.startsWith(hidden)) {
                    throw new ServiceException("launcher " + path + " is under " + hidden
                            + ", which the service cannot see (ProtectHome=yes); install the .deb"
                            + " or pass --launcher with a path outside /home, /root and /run/user");
                }
            }
        }
        return path;
    }
}
