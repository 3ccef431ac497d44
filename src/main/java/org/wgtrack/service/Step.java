package org.wgtrack.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** One thing install or uninstall does; a plan is a list of them, printed in a dry run. */
public sealed interface Step permits Step.Write, Step.Delete, Step.Run, Step.Note {

    /** Writes a whole file (mode 755 when executable, else 644). */
    record Write(Path path, String content, boolean executable) implements Step {
        public Write {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }

    record Delete(Path path) implements Step {
        public Delete {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Runs a program with an argument array, never through a shell. */
    record Run(List<String> command) implements Step {
        public Run {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("empty command");
            }
        }

        public static Run of(String... command) {
            return new Run(List.of(command));
        }

        public String display() {
            return String.join(" ", command);
        }
    }

    /** Tells the operator something; changes nothing. */
    record Note(String text) implements Step {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }
}
