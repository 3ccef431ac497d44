package org.wgtrack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for wg(8) used as {@code wg_command}: {@code show all dump} prints the file
 * {@code dump} of its directory (with {@code @NOW-n@} replaced by the epoch seconds n seconds
 * ago and {@code @ENDPOINT@} by the endpoint last set), and {@code set} appends its arguments
 * to {@code set.log}. The test rewrites {@code dump} to script an outage.
 */
final class FakeWg {

    private static final String SCRIPT = """
            #!/bin/bash
            dir='%s'
            if [ "$1 $2 $3" = "show all dump" ]; then
                [ -e "$dir/fail" ] && { echo "fake wg: failing on purpose" >&2; exit 1; }
                now=$(date +%%s)
                endpoint=$(cat "$dir/endpoint")
                while IFS= read -r line || [ -n "$line" ]; do
                    while [[ $line =~ @NOW-([0-9]+)@ ]]; do
                        line=${line/${BASH_REMATCH[0]}/$((now - BASH_REMATCH[1]))}
                    done
                    printf '%%s\\n' "${line//@ENDPOINT@/$endpoint}"
                done < "$dir/dump"
                exit 0
            fi
            if [ "$1" = "set" ]; then
                echo "$*" >> "$dir/set.log"
                [ "$5" = "endpoint" ] && printf '%%s' "$6" > "$dir/endpoint"
                exit 0
            fi
            echo "fake wg: unsupported: $*" >&2
            exit 1
            """;

    private final Path dir;

    FakeWg(Path dir, String initialEndpoint) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("endpoint"), initialEndpoint);
        Path script = dir.resolve("wg");
        Files.writeString(script, SCRIPT.formatted(dir), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        serve("");
    }

    Path command() {
        return dir.resolve("wg");
    }

    /** Replaces what the next {@code show all dump} prints; columns joined by tabs. */
    void serve(String dump) throws IOException {
        Path next = dir.resolve("dump.next");
        Files.writeString(next, dump, StandardCharsets.UTF_8);
        Files.move(next, dir.resolve("dump"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    void failing(boolean fail) throws IOException {
        if (fail) {
            Files.writeString(dir.resolve("fail"), "");
        } else {
            Files.deleteIfExists(dir.resolve("fail"));
        }
    }

    /** Every {@code wg set} call so far, one string per call ({@code set wg0 peer KEY endpoint ADDR}). */
    List<String> setCalls() throws IOException {
        Path log = dir.resolve("set.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    static String row(Object... columns) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(columns[i]);
        }
        return sb.append('\n').toString();
    }
}
