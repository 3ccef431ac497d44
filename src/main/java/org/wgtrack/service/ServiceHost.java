package org.wgtrack.service;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.wgtrack.system.ProcessRunner;

/**
 * Everything outside the JVM that install and uninstall touch, so that tests can replace all
 * of it with fakes.
 *
 * @param runningLauncher the launcher script this process was started by, when known
 *                        (see {@link LauncherLocation})
 */
public record ServiceHost(
        ServiceFiles files,
        ProcessRunner runner,
        Privileges privileges,
        ExecutableSearch path,
        Optional<Path> runningLauncher) {

    public ServiceHost {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(privileges, "privileges");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(runningLauncher, "runningLauncher");
    }

    /** The real machine. */
    public static ServiceHost local() {
        LocalServiceFiles files = new LocalServiceFiles();
        return new ServiceHost(
                files,
                new org.wgtrack.system.OsProcessRunner(),
                LocalPrivileges::isRoot,
                new PathSearch(System.getenv("PATH"), files),
                LauncherLocation.ofThisProcess(files));
    }
}
