package org.wgtrack.system;

import java.util.List;
import java.util.Optional;

/** Neither fping nor ping could be run: nothing is pinged, and {@link #unavailable()} says why. */
public final class NoPingProgram implements Pinger {

    public static final String REASON = "no ping program (install fping or iputils-ping)";

    @Override
    public List<PingResult> pingAll(List<PingRequest> requests) {
        return requests.stream().map(r -> PingResult.failed(REASON)).toList();
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.of(REASON);
    }
}
