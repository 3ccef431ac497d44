package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.testing.TestCertificates;

/**
 * 1,000 seeded mutations of a valid web config (lines deleted, duplicated, swapped, cut, indented
 * differently; YAML punctuation, anchors, tabs, NUL, invalid UTF-8 and flipped characters put in):
 * only {@link WebConfigReader.WebConfigException} escapes, every problem names the file, and no
 * part of the password hash is ever shown.
 */
class WebConfigFuzzTest {

    private static final int INPUTS = Integer.getInteger("webconfig.fuzzInputs", 1_000);
    private static final long SEED = 0x7EB_2026L;
    private static final String HASH_TAIL = WebConfigReaderTest.HASH.substring(7);

    @TempDir
    Path dir;

    private static final String VALID = """
            tls_server_config:
              cert_file: server.crt
              key_file: server.key
              client_auth_type: RequireAndVerifyClientCert
              client_ca_file: ca.crt
              min_version: TLS12
              max_version: TLS13
            basic_auth_users:
              prometheus: %s
              grafana: %s
            http_server_config:
              headers:
                Strict-Transport-Security: max-age=31536000
                X-Frame-Options: deny
            """.formatted(WebConfigReaderTest.HASH, WebConfigReaderTest.HASH);

    private static final String[] JUNK = {":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "\t", "\0", "'", "\"",
        "|", ">", "#", "%YAML 1.1\n", "---\n", "...\n", "? ", "~", "\u2028", "\r", "\n  ", "<<: *a\n"};

    static byte[] mutated(Random random) {
        List<String> lines = new ArrayList<>(VALID.lines().toList());
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            switch (random.nextInt(9)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> lines.set(i, line.substring(0, random.nextInt(line.length() + 1)));
                case 3 -> lines.set(i, " ".repeat(random.nextInt(5)) + line.strip());
                case 4 -> {
                    int at = random.nextInt(line.length() + 1);
                    lines.set(i, line.substring(0, at) + JUNK[random.nextInt(JUNK.length)] + line.substring(at));
                }
                case 5 -> {
                    int j = random.nextInt(lines.size());
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case 6 -> lines.set(i, line.replace("server.crt", "ca.key").replace("TLS12", "TLS9")
                        .replace("RequireAndVerifyClientCert", "Nope").replace("deny", "allow"));
                case 7 -> lines.set(i, line.replace(": ", ": [") + "]");
                default -> {
                    if (!line.isEmpty()) {
                        char[] chars = line.toCharArray();
                        chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
                        lines.set(i, new String(chars));
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        if (random.nextInt(20) == 0) {
            out.write(0xc3); // a cut UTF-8 sequence
        }
        return out.toByteArray();
    }

    @Test
    @Timeout(120)
    void noMutatedWebConfigThrowsAnythingElseOrShowsTheHash() throws Exception {
        TestCertificates.selfSigned(dir, "server", "ec");
        TestCertificates.clientCa(dir);
        Path file = dir.resolve("web.yml");
        Files.writeString(file, VALID);
        assertThat(WebConfigReader.read(file).tls()).isPresent();

        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            byte[] bytes = mutated(new Random(SEED + i));
            Files.write(file, bytes);
            List<ConfigProblem> problems = new ArrayList<>();
            try {
                WebConfigReader.Loaded loaded = WebConfigReader.read(file);
                problems.addAll(loaded.warnings());
                outcomes.merge(loaded.warnings().isEmpty() ? "loaded" : "loaded with warnings", 1, Integer::sum);
                assertThat(loaded.toString()).doesNotContain(HASH_TAIL);
            } catch (WebConfigReader.WebConfigException e) {
                problems.addAll(e.problems());
                outcomes.merge("refused", 1, Integer::sum);
            } catch (Throwable t) { // StackOverflowError and OutOfMemoryError included
                failures.add("seed " + (SEED + i) + ": threw " + t + "\n" + new String(bytes, StandardCharsets.UTF_8));
                continue;
            }
            for (ConfigProblem problem : problems) {
                String text = problem.toString();
                if (!text.startsWith(file + ":") || text.contains(HASH_TAIL.substring(0, 16)) || text.indexOf('\n') >= 0) {
                    failures.add("seed " + (SEED + i) + ": " + text);
                }
            }
        }
        System.out.println("WebConfigFuzzTest: " + INPUTS + " inputs: " + outcomes);
        assertThat(failures).isEmpty();
        assertThat(outcomes.get("refused")).as("refused inputs").isGreaterThan(INPUTS / 10);
    }
}
