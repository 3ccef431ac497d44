package org.wgtrack.ini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wgtrack.testing.TestResources;

/**
 * IniReader against the reference: python3's {@code configparser.ConfigParser()} reads the same
 * bytes (hand-written tricky files and seeded random documents) and prints its view through
 * {@code ini/configparser_view.py}; both views must agree value by value, including which
 * values fail to interpolate and which files fail to parse (and where).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IniReaderConfigparserTest {

    /** {@code -Dini.randomDocuments=20000} for a deeper run. */
    private static final int RANDOM_DOCUMENTS = Integer.getInteger("ini.randomDocuments", 400);
    private static final long SEED = 0x5EED_2026L;
    private static final Set<String> FATAL = Set.of("MissingSectionHeaderError", "DuplicateSectionError", "DuplicateOptionError");

    record Case(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A parse failure (kind and lines as configparser names them) or every section's values. */
    record View(String error, List<Integer> lines, List<String> problemKinds, Map<String, Map<String, String>> sections) {
    }

    private final List<Case> cases = new ArrayList<>();
    private final Map<String, View> reference = new HashMap<>();
    private Path dir;

    IniReaderConfigparserTest() throws Exception {
        try (Stream<Path> files = Files.list(TestResources.file("ini/tricky"))) {
            for (Path file : files.sorted().toList()) {
                cases.add(new Case("tricky/" + file.getFileName(), Files.readAllBytes(file)));
            }
        }
        for (int i = 0; i < RANDOM_DOCUMENTS; i++) {
            long seed = SEED + i;
            cases.add(new Case("random-" + Long.toHexString(seed), RandomIni.document(seed).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @BeforeAll
    void runConfigparserOnEveryCase() throws Exception {
        Assumptions.assumeTrue(pythonAvailable(), "python3 is needed as the reference");
        dir = Files.createTempDirectory("ini-configparser");
        List<String> command = new ArrayList<>(List.of("python3", TestResources.file("ini/configparser_view.py").toString()));
        for (int i = 0; i < cases.size(); i++) {
            Path file = dir.resolve(i + ".ini");
            Files.write(file, cases.get(i).bytes());
            command.add(file.toString());
        }
        Process python = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            reference.put(cases.get(i).name(), fromJson(JSON.std.mapFrom(lines.get(i))));
        }
    }

    @AfterAll
    void removeFiles() throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    List<Case> cases() {
        return cases;
    }

    private static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "-c", "import configparser").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsLikeConfigparser(Case c) {
        View expected = reference.get(c.name());
        View actual = javaView(c);
        if (expected.error() == null) {
            assertThat(actual.error()).as("parse problems of %s", c.name()).isNull();
            assertThat(actual.sections()).as("values of %s", c.name()).isEqualTo(expected.sections());
        } else if (FATAL.contains(expected.error())) {
            // configparser stops at the first fatal error; wgtrack goes on and reports more
            int firstFatal = actual.problemKinds().indexOf(actual.problemKinds().stream().filter(FATAL::contains).findFirst().orElse("none"));
            assertThat(firstFatal).as("a fatal problem in %s, got %s", c.name(), actual).isGreaterThanOrEqualTo(0);
            assertThat(actual.problemKinds().get(firstFatal) + "@" + actual.lines().get(firstFatal))
                    .isEqualTo(expected.error() + "@" + expected.lines().get(0));
        } else {
            assertThat(actual.problemKinds()).as("problems of %s", c.name()).containsOnly("ParsingError");
            assertThat(actual.lines()).isEqualTo(expected.lines());
        }
    }

    /** Guards the generator: the random documents must exercise every outcome, not only one. */
    @org.junit.jupiter.api.Test
    void randomDocumentsCoverEveryOutcome() {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Case c : cases) {
            if (!c.name().startsWith("random-")) {
                continue;
            }
            View view = reference.get(c.name());
            if (view.error() != null) {
                outcomes.merge(view.error(), 1, Integer::sum);
                continue;
            }
            outcomes.merge("parsed", 1, Integer::sum);
            view.sections().values().stream().flatMap(v -> v.values().stream())
                    .map(v -> v.startsWith("error ") ? v.substring(6) : v.contains("\n") ? "multiline" : "value")
                    .distinct().forEach(kind -> outcomes.merge(kind, 1, Integer::sum));
        }
        assertThat(outcomes).as("outcomes %s", outcomes).containsKeys(
                "parsed", "value", "multiline", "ParsingError", "MissingSectionHeaderError", "DuplicateSectionError",
                "DuplicateOptionError", "InterpolationSyntaxError", "InterpolationMissingOptionError", "InterpolationDepthError");
        assertThat(outcomes.get("parsed")).as("outcomes %s", outcomes).isGreaterThan(RANDOM_DOCUMENTS / 3);
        System.out.println("random INI documents by configparser outcome: " + outcomes);
    }

    private static View javaView(Case c) {
        IniDocument doc;
        try {
            doc = IniReader.parse(c.name(), new String(c.bytes(), StandardCharsets.UTF_8));
        } catch (IniException e) {
            List<String> kinds = e.problems().stream().map(p -> kindOf(p.message())).toList();
            List<Integer> lines = e.problems().stream().map(ConfigProblem::line).toList();
            return new View(kinds.get(0), lines, kinds, null);
        }
        Map<String, Map<String, String>> sections = new TreeMap<>();
        List<IniSection> all = new ArrayList<>(List.of(doc.defaults()));
        all.addAll(doc.sections());
        for (IniSection section : all) {
            Map<String, String> values = new TreeMap<>();
            for (String key : section.keys()) {
                try {
                    values.put(key, "value " + section.get(key).orElseThrow());
                } catch (IniException e) {
                    values.put(key, "error " + kindOf(e.problems().get(0).message()));
                }
            }
            sections.put(section.name(), values);
        }
        return new View(null, null, null, sections);
    }

    /** configparser's exception class for one of our messages. */
    private static String kindOf(String message) {
        if (message.startsWith("missing section header")) {
            return "MissingSectionHeaderError";
        } else if (message.startsWith("duplicate section")) {
            return "DuplicateSectionError";
        } else if (message.startsWith("duplicate key")) {
            return "DuplicateOptionError";
        } else if (message.startsWith("bad interpolation")) {
            return "InterpolationSyntaxError";
        } else if (message.startsWith("interpolation refers to missing key")) {
            return "InterpolationMissingOptionError";
        } else if (message.startsWith("interpolation nested deeper")) {
            return "InterpolationDepthError";
        }
        return "ParsingError";
    }

    @SuppressWarnings("unchecked")
    private static View fromJson(Map<String, Object> json) {
        if (json.containsKey("error")) {
            List<Integer> lines = ((List<Object>) json.get("lines")).stream().map(n -> ((Number) n).intValue()).toList();
            return new View((String) json.get("error"), lines, null, null);
        }
        Map<String, Map<String, String>> sections = new TreeMap<>();
        ((Map<String, Object>) json.get("sections")).forEach((name, keys) -> {
            Map<String, String> values = new TreeMap<>();
            ((Map<String, Object>) keys).forEach((key, v) -> {
                Map<String, Object> outcome = (Map<String, Object>) v;
                values.put(key, outcome.containsKey("value") ? "value " + outcome.get("value") : "error " + outcome.get("error"));
            });
            sections.put(name, values);
        });
        return new View(null, null, null, sections);
    }
}
