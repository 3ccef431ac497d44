package org.wgtrack.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what install and uninstall do from what is on disk now, so that running either
 * twice changes nothing the second time: an unchanged unit is not rewritten and the service
 * is only started (not restarted); uninstalling what is not installed does nothing.
 *
 * <p>systemd: the unit goes to /etc/systemd/system. When the .deb already installed
 * /lib/systemd/system/wgtrack.service, install uses that one instead of shadowing it with a
 * copy in /etc, which would hide the package's future changes to the unit.
 * OpenRC: the script goes to /etc/init.d/wgtrack and joins the default runlevel.
 */
public final class ServicePlanner {

    public static final String UNIT_NAME = "wgtrack.service";
    public static final Path SYSTEMD_UNIT = Path.of("/etc/systemd/system/wgtrack.service");
    public static final Path PACKAGED_UNIT = Path.of("/lib/systemd/system/wgtrack.service");
    public static final Path OPENRC_SCRIPT = Path.of("/etc/init.d/wgtrack");
    public static final Path OPENRC_RUNLEVEL_LINK = Path.of("/etc/runlevels/default/wgtrack");
    public static final String CONFIG = "/etc/wgtrack.conf";

    private final ServiceFiles files;

    public ServicePlanner(ServiceFiles files) {
        this.files = files;
    }

    public ServicePlan install(InitSystem init, Path launcher) throws IOException {
        return switch (init) {
            case SYSTEMD -> installSystemd(launcher);
            case OPENRC -> installOpenrc(launcher);
        };
    }

    public ServicePlan uninstall(InitSystem init) throws IOException {
        return switch (init) {
            case SYSTEMD -> uninstallSystemd();
            case OPENRC -> uninstallOpenrc();
        };
    }

    private ServicePlan installSystemd(Path launcher) throws IOException {
        List<Step> steps = new ArrayList<>();
        String running = launcher + " --config " + CONFIG;
        if (!files.exists(SYSTEMD_UNIT) && files.exists(PACKAGED_UNIT)) {
            steps.add(new Step.Note("using " + PACKAGED_UNIT + " from the wgtrack package"));
            running = "/usr/bin/wgtrack --config " + CONFIG;
            steps.add(Step.Run.of("systemctl", "enable", UNIT_NAME));
            steps.add(Step.Run.of("systemctl", "start", UNIT_NAME));
        } else if (writeIfChanged(steps, SYSTEMD_UNIT, ServiceTemplates.systemdUnit(launcher), false)) {
            steps.add(Step.Run.of("systemctl", "daemon-reload"));
            steps.add(Step.Run.of("systemctl", "enable", UNIT_NAME));
            steps.add(Step.Run.of("systemctl", "restart", UNIT_NAME));
        } else {
            steps.add(Step.Run.of("systemctl", "enable", UNIT_NAME));
            steps.add(Step.Run.of("systemctl", "start", UNIT_NAME));
        }
        return new ServicePlan(steps, Optional.of(
                "wgtrack is installed and running: " + running + " (logs: journalctl -u wgtrack)"));
    }

    private ServicePlan uninstallSystemd() {
        List<Step> steps = new ArrayList<>();
        boolean ours = files.exists(SYSTEMD_UNIT);
        boolean packaged = files.exists(PACKAGED_UNIT);
        if (!ours && !packaged) {
            steps.add(new Step.Note("wgtrack service is not installed (no " + SYSTEMD_UNIT + "); nothing to do"));
            return new ServicePlan(steps, Optional.empty());
        }
        steps.add(Step.Run.of("systemctl", "disable", "--now", UNIT_NAME));
        if (ours) {
            steps.add(new Step.Delete(SYSTEMD_UNIT));
            steps.add(Step.Run.of("systemctl", "daemon-reload"));
        }
        if (packaged) {
            steps.add(new Step.Note(PACKAGED_UNIT + " belongs to the wgtrack package and stays;"
                    + " remove the package with apt-get remove wgtrack"));
            return new ServicePlan(steps, Optional.of("wgtrack service is stopped and disabled"));
        }
        return new ServicePlan(steps, Optional.of("wgtrack service is stopped, disabled and removed"));
    }

    private ServicePlan installOpenrc(Path launcher) throws IOException {
        List<Step> steps = new ArrayList<>();
        boolean changed = writeIfChanged(steps, OPENRC_SCRIPT, ServiceTemplates.openrcScript(launcher), true);
        if (!files.exists(OPENRC_RUNLEVEL_LINK)) {
            steps.add(Step.Run.of("rc-update", "add", "wgtrack", "default"));
        }
        steps.add(changed
                ? Step.Run.of("rc-service", "wgtrack", "restart")
                : Step.Run.of("rc-service", "--ifnotstarted", "wgtrack", "start"));
        return new ServicePlan(steps, Optional.of("wgtrack is installed and running: " + launcher
                + " --config " + CONFIG + " (logs: /var/log/wgtrack.log)"));
    }

    private ServicePlan uninstallOpenrc() {
        List<Step> steps = new ArrayList<>();
        if (!files.exists(OPENRC_SCRIPT)) {
            steps.add(new Step.Note("wgtrack service is not installed (no " + OPENRC_SCRIPT + "); nothing to do"));
            return new ServicePlan(steps, Optional.empty());
        }
        steps.add(Step.Run.of("rc-service", "--ifstarted", "wgtrack", "stop"));
        if (files.exists(OPENRC_RUNLEVEL_LINK)) {
            steps.add(Step.Run.of("rc-update", "del", "wgtrack", "default"));
        }
        steps.add(new Step.Delete(OPENRC_SCRIPT));
        return new ServicePlan(steps, Optional.of("wgtrack service is stopped, disabled and removed"));
    }

    /** Adds a Write step when the file differs from {@code content}, else a note; true when written. */
    private boolean writeIfChanged(List<Step> steps, Path path, String content, boolean executable) throws IOException {
        if (files.read(path).filter(content::equals).isPresent()) {
            steps.add(new Step.Note("unchanged " + path));
            return false;
        }
        steps.add(new Step.Write(path, content, executable));
        return true;
    }
}
