package org.wgtrack.service;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.system.ProcessRunner;

/**
 * Carries out a plan step by step, or prints it in full for a dry run. Stops at the first
 * failing step: a failed `systemctl enable` must not be followed by a claim of success.
 * Dry-run output, e.g.:
 * <pre>
 * dry run: nothing is written or run
 * would write /etc/systemd/system/wgtrack.service (mode 644):
 * [Unit]
 * ...
 * (end of /etc/systemd/system/wgtrack.service)
 * would run: systemctl daemon-reload
 * </pre>
 */
final class PlanRunner {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private final ServiceFiles files;
    private final ProcessRunner runner;
    private final PrintWriter out;

    PlanRunner(ServiceFiles files, ProcessRunner runner, PrintWriter out) {
        this.files = files;
        this.runner = runner;
        this.out = out;
    }

    void dryRun(ServicePlan plan) {
        out.println("dry run: nothing is written or run");
        for (Step step : plan.steps()) {
            if (step instanceof Step.Write w) {
                out.println("would write " + w.path() + " (mode " + mode(w) + "):");
                out.print(w.content());
                if (!w.content().endsWith("\n")) {
                    out.println();
                }
                out.println("(end of " + w.path() + ")");
            } else if (step instanceof Step.Delete d) {
                out.println("would remove " + d.path());
            } else if (step instanceof Step.Run r) {
                out.println("would run: " + r.display());
            } else if (step instanceof Step.Note n) {
                out.println(n.text());
            }
        }
        out.flush();
    }

    void run(ServicePlan plan) throws ServiceException, InterruptedException {
        for (Step step : plan.steps()) {
            if (step instanceof Step.Write w) {
                try {
                    files.write(w.path(), w.content(), w.executable());
                } catch (IOException e) {
                    throw new ServiceException("cannot write " + w.path() + ": " + e.getMessage());
                }
                out.println("wrote " + w.path());
            } else if (step instanceof Step.Delete d) {
                try {
                    files.delete(d.path());
                } catch (IOException e) {
                    throw new ServiceException("cannot remove " + d.path() + ": " + e.getMessage());
                }
                out.println("removed " + d.path());
            } else if (step instanceof Step.Run r) {
                execute(r);
                out.println("ran: " + r.display());
            } else if (step instanceof Step.Note n) {
                out.println(n.text());
            }
            out.flush();
        }
        plan.outcome().ifPresent(out::println);
        out.flush();
    }

    private void execute(Step.Run step) throws ServiceException, InterruptedException {
        ProcessResult result;
        try {
            result = runner.run(step.command(), COMMAND_TIMEOUT);
        } catch (IOException e) {
            throw new ServiceException("cannot run " + step.display() + ": " + e.getMessage());
        } catch (TimeoutException e) {
            throw new ServiceException(step.display() + " did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s");
        }
        if (!result.succeeded()) {
            String said = firstLine(result.stderr().isBlank() ? result.stdout() : result.stderr());
            throw new ServiceException(step.display() + " failed with exit status " + result.exitCode()
                    + (said.isEmpty() ? "" : ": " + said));
        }
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    private static String mode(Step.Write write) {
        return write.executable() ? "755" : "644";
    }
}
