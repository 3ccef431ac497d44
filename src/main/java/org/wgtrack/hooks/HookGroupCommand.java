package org.wgtrack.hooks;

import org.wgtrack.daemon.Daemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wgtrack hook}: commands about the configured hooks. */
@Command(name = "hook", description = "Commands about the [hook:…] sections of the configuration.",
        subcommands = HookTestCommand.class)
public final class HookGroupCommand implements Runnable {

    /** The {@code wgtrack} command this runs under, which knows the configuration file. */
    @ParentCommand
    Daemon.ConfigSource parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command (expected: wgtrack hook test NAME)");
    }
}
