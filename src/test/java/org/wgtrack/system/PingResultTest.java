package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PingResultTest {

    @Test
    void theTwoComponentConstructorHasNoError() {
        assertThat(new PingResult(false, Optional.empty())).isEqualTo(PingResult.failed());
        assertThat(PingResult.failed().error()).isEmpty();
    }

    @Test
    void aSuccessCannotCarryAnError() {
        assertThatThrownBy(() -> new PingResult(true, Optional.of(Duration.ofMillis(1)), Optional.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a successful ping has no error");
    }

    @Test
    void aFailureCannotCarryARoundTrip() {
        assertThatThrownBy(() -> new PingResult(false, Optional.of(Duration.ofMillis(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a failed ping has no round trip");
    }
}
