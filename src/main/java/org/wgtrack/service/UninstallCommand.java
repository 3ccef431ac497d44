package org.wgtrack.service;

import java.io.IOException;
import picocli.CommandLine.Command;

/**
 * {@code wgtrack uninstall}: stops and disables the wgtrack service and removes what
 * {@code wgtrack install} wrote. Leaves /etc/wgtrack.conf and the package's own unit alone.
 */
@Command(name = "uninstall", description = "Stop, disable and remove the wgtrack system service.")
public final class UninstallCommand extends ServiceCommand {

    public UninstallCommand() {
        this(ServiceHost.local());
    }

    public UninstallCommand(ServiceHost host) {
        super(host);
    }

    @Override
    ServicePlan plan(InitSystem init) throws IOException {
        return new ServicePlanner(host.files()).uninstall(init);
    }
}
