package org.wgtrack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code bin/wgtrack ARGS…} (a command such as status or events, its own JVM) to its end. */
public final class WgtrackCommand {

    /** What it printed and how it ended. */
    public record Result(int exit, String out, String err) {
    }

    private WgtrackCommand() {
    }

    /** Its stderr goes through a file in {@code workDir}; outside the journal, like a shell user's. */
    public static Result run(Path workDir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of("bin/wgtrack").toAbsolutePath().toString()));
        command.addAll(args);
        Path err = Files.createTempFile(workDir, "command", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().remove("JOURNAL_STREAM");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new Result(exit, out, Files.readString(err));
    }
}
