package org.wgtrack.service;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * What install and uninstall share: --dry-run, --init, the root check and the error
 * convention ("wgtrack install: message" on stderr, exit status 1). A dry run needs no root,
 * so an operator can read what would be written before running it with sudo.
 */
abstract class ServiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Only --help: --version belongs to the top-level command. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--dry-run", description = "Print every file it would write (in full) and every command it would run; change nothing.")
    boolean dryRun;

    @Option(names = "--init", paramLabel = "SYSTEM", converter = InitConverter.class,
            description = "Init system: systemd or openrc (default: detected from /run/systemd/system or /sbin/openrc-run).")
    InitSystem init;

    final ServiceHost host;

    ServiceCommand(ServiceHost host) {
        this.host = host;
    }

    /** The plan for this command; throws ServiceException for anything that stops it. */
    abstract ServicePlan plan(InitSystem init) throws ServiceException, IOException;

    /** Checks made before planning, after the root check (install: wg on PATH). */
    void preconditions() throws ServiceException {
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!dryRun && !host.privileges().isRoot()) {
                throw new ServiceException("must be run as root (try: sudo wgtrack " + spec.name() + ")");
            }
            preconditions();
            ServicePlan plan = plan(initSystem());
            PlanRunner runner = new PlanRunner(host.files(), host.runner(), out);
            if (dryRun) {
                runner.dryRun(plan);
            } else {
                runner.run(plan);
            }
            return 0;
        } catch (ServiceException | IOException e) {
            out.flush();
            err.println("wgtrack " + spec.name() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private InitSystem initSystem() throws ServiceException {
        if (init != null) {
            return init;
        }
        Optional<InitSystem> detected = InitSystem.detect(host.files());
        return detected.orElseThrow(() -> new ServiceException("no supported init system found (neither "
                + InitSystem.SYSTEMD_RUNTIME_DIR + " nor " + InitSystem.OPENRC_RUN
                + " exists); pass --init systemd or --init openrc"));
    }

    static final class InitConverter implements ITypeConverter<InitSystem> {
        @Override
        public InitSystem convert(String value) {
            try {
                return InitSystem.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
