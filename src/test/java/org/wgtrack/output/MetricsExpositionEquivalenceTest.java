package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streamed exposition is byte for byte what the official client writes from its model of the same metrics. */
class MetricsExpositionEquivalenceTest {

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameTextAsTheClientLibrary(long seed) throws IOException {
        Snapshot snapshot = RandomSnapshots.snapshot(seed);
        SnapshotCollector collector = new SnapshotCollector();
        collector.update(snapshot);
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(collector);

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(text, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        ByteArrayOutputStream openMetrics = new ByteArrayOutputStream();
        OpenMetricsTextFormatWriter.create().write(openMetrics, registry.scrape(), EscapingScheme.ALLOW_UTF8);

        MetricsExposition exposition = MetricsExposition.of(snapshot);
        assertThat(exposition.skipped()).isEmpty();
        assertThat(written(exposition, false)).isEqualTo(text.toString(StandardCharsets.UTF_8));
        assertThat(written(exposition, true)).isEqualTo(openMetrics.toString(StandardCharsets.UTF_8));
    }

    private static String written(MetricsExposition exposition, boolean openMetrics) throws IOException {
        StringWriter out = new StringWriter();
        exposition.write(out, openMetrics);
        return out.toString();
    }
}
