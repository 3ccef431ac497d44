package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointTest {

    @ParameterizedTest
    @CsvSource({
        "peer1.example.net:51820, peer1.example.net, 51820, true, peer1.example.net:51820",
        "192.0.2.1:51820, 192.0.2.1, 51820, false, 192.0.2.1:51820",
        "[2001:db8::1]:51820, 2001:db8::1, 51820, false, [2001:db8::1]:51820",
        "[fe80::1%eth0]:51820, fe80::1%eth0, 51820, false, [fe80::1%eth0]:51820",
        "localhost:1, localhost, 1, true, localhost:1",
        "1.2.3:51820, 1.2.3, 51820, true, 1.2.3:51820",
    })
    void parsesHostAndPortAndKnowsHostnamesFromLiterals(String text, String host, int port, boolean hostname, String printed) {
        Endpoint endpoint = Endpoint.parse(text);

        assertThat(endpoint.host()).isEqualTo(host);
        assertThat(endpoint.port()).isEqualTo(port);
        assertThat(endpoint.isHostname()).isEqualTo(hostname);
        assertThat(endpoint.isHostname()).as("asked again").isEqualTo(hostname);
        assertThat(endpoint).hasToString(printed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "peer1.example.net|bad endpoint (expected host:port or [address]:port, got peer1.example.net)",
        "2001:db8::1:51820|bad endpoint (expected host:port or [address]:port, got 2001:db8::1:51820)",
        "[2001:db8::1]51820|bad endpoint (expected [address]:port, got [2001:db8::1]51820)",
        "host:http|bad endpoint port (expected 0..65535, got host:http)",
        "host:70000|bad endpoint port (expected 0..65535, got host:70000)",
        ":51820|bad endpoint (expected host:port or [address]:port, got :51820)",
    })
    void rejectsMalformedEndpointsWithAReason(String text, String message) {
        assertThatThrownBy(() -> Endpoint.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
