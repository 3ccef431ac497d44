package org.wgtrack.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.TestEnvironment;

/**
 * The shipped alert rules (monitoring/wgtrack-alerts.yml) checked and unit-tested by Debian's
 * promtool: {@code promtool test rules} runs monitoring/wgtrack-alerts.test.yml, which holds a
 * firing and a not-firing case for every rule. Without promtool the test is skipped (failed
 * under CI=true; scripts/install-test-deps.sh installs the prometheus package).
 */
class AlertRulesTest {

    private static final Path MONITORING = Path.of("monitoring").toAbsolutePath();
    private static final Pattern ALERT = Pattern.compile("(?m)^\\s+- alert: (\\S+)$");
    private static final Pattern TESTED = Pattern.compile("(?m)^\\s+- alertname: (\\S+)$");

    private static String promtool(String... args) throws Exception {
        Path promtool = TestEnvironment.onPath("promtool").orElse(null);
        TestEnvironment.require(promtool != null,
                "promtool is not installed (Debian package prometheus; scripts/install-test-deps.sh installs it)");
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(MONITORING.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void rulesPassPromtoolCheck() throws Exception {
        assertThat(promtool("check", "rules", "wgtrack-alerts.yml")).contains("SUCCESS: 6 rules found");
    }

    @Test
    void everyRuleFiresAndStaysSilentInPromtoolsUnitTests() throws Exception {
        assertThat(promtool("test", "rules", "wgtrack-alerts.test.yml")).contains("SUCCESS");
    }

    /** Their labels change with compatible_with = wireguard_exporter; the rules must not depend on them. */
    @Test
    void noRuleReadsAFamilyWhoseLabelsDependOnCompatibleWith() throws Exception {
        assertThat(Files.readString(MONITORING.resolve("wgtrack-alerts.yml"))).doesNotContain("wireguard_");
    }

    @Test
    void everyRuleHasAFiringAndASilentCase() throws Exception {
        List<String> rules = all(ALERT, Files.readString(MONITORING.resolve("wgtrack-alerts.yml")));
        assertThat(rules).hasSize(6);
        String tests = Files.readString(MONITORING.resolve("wgtrack-alerts.test.yml"));
        List<String> entries = new ArrayList<>();
        Matcher m = TESTED.matcher(tests);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            entries.add(tests.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : tests.length()));
        }
        for (String rule : rules) {
            List<String> cases = entries.stream().filter(e -> e.contains("alertname: " + rule + "\n")).toList();
            assertThat(cases).as(rule + " tested firing").anyMatch(c -> c.contains("exp_labels"));
            assertThat(cases).as(rule + " tested silent").anyMatch(c -> c.contains("exp_alerts: []"));
        }
    }
}
