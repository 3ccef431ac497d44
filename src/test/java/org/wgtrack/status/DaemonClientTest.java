package org.wgtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DaemonClientTest {

    @Test
    void thePageReplacesStatusOrEventsInTheUrlOrIsAppended() {
        assertThat(DaemonClient.withPage(URI.create("http://127.0.0.1:9587/status"), "/events"))
                .isEqualTo(URI.create("http://127.0.0.1:9587/events"));
        assertThat(DaemonClient.withPage(URI.create("https://hub:9587"), "/status")).isEqualTo(URI.create("https://hub:9587/status"));
        assertThat(DaemonClient.withPage(URI.create("https://hub:9587/"), "/events")).isEqualTo(URI.create("https://hub:9587/events"));
        assertThat(DaemonClient.withPage(URI.create("https://proxy/wgtrack/events?x=1"), "/status"))
                .isEqualTo(URI.create("https://proxy/wgtrack/status?x=1"));
        assertThat(DaemonClient.withPage(URI.create("http://[::1]:9587/wgtrack"), "/status")).isEqualTo(URI.create("http://[::1]:9587/wgtrack/status"));
    }
}
