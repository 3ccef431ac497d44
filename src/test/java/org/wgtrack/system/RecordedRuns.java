package org.wgtrack.system;

import org.wgtrack.testing.TestResources;

/** Real runs of ping and fping, recorded under src/test/resources/ping/ as NAME.out and NAME.err. */
final class RecordedRuns {

    private RecordedRuns() {
    }

    static ProcessResult recorded(String name, int exitCode) {
        return new ProcessResult(exitCode, TestResources.text("ping/" + name + ".out"), TestResources.text("ping/" + name + ".err"));
    }
}
