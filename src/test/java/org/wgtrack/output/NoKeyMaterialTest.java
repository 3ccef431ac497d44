package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every 44-character base64 string in any output must be one of the peers' public keys: a
 * private or preshared key (which the snapshot never holds) would show up as one that is not.
 */
class NoKeyMaterialTest {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9+/]{43}=");

    @Test
    void outputsContainNoKeyButThePeersPublicKeys() throws Exception {
        Snapshot snapshot = TestSnapshots.threePeers();
        List<String> publicKeys = snapshot.peers().stream().map(p -> p.publicKey().base64()).toList();
        String metrics;
        try (PrometheusOutput prometheus = new PrometheusOutput(new PrometheusSpec("p", "127.0.0.1", 0))) {
            prometheus.write(snapshot);
            metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + prometheus.boundPort().orElseThrow() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        for (String output : List.of(new InfluxLineFormat(CounterType.INTEGER).format(snapshot).replace("\\=", "="),
                new InfluxLineFormat(CounterType.FLOAT).format(snapshot).replace("\\=", "="),
                StatusDocument.format(snapshot), metrics)) {
            Matcher m = KEY.matcher(output);
            int found = 0;
            while (m.find()) {
                assertThat(publicKeys).contains(m.group());
                found++;
            }
            assertThat(found).isPositive();
        }
    }
}
