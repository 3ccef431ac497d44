package org.wgtrack.ini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IniReaderTest {

    private static IniDocument parse(String text) throws IniException {
        return IniReader.parse("test.conf", text);
    }

    private static String problems(String text) {
        try {
            parse(text);
        } catch (IniException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a parse error");
    }

    private static String get(IniDocument doc, String section, String key) throws IniException {
        return doc.section(section).orElseThrow().get(key).orElseThrow();
    }

    private static String readError(IniDocument doc, String section, String key) {
        try {
            doc.section(section).orElseThrow().get(key);
        } catch (IniException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an interpolation error");
    }

    @Test
    void keepsEachKeysLineAndSection() throws IniException {
        IniDocument doc = parse("# wgtrack\n[general]\ncycle_time = 10\n\n[interface:wg0]\nPing_Timeout: 2\n");
        assertThat(doc.sections()).extracting(IniSection::name).containsExactly("general", "interface:wg0");
        assertThat(doc.section("interface:wg0").orElseThrow().line()).isEqualTo(5);
        assertThat(doc.section("general").orElseThrow().ownEntries())
                .containsExactly(new IniEntry("general", "cycle_time", "10", 3));
        assertThat(doc.section("interface:wg0").orElseThrow().entry("PING_TIMEOUT"))
                .contains(new IniEntry("interface:wg0", "ping_timeout", "2", 6));
    }

    @Test
    void defaultKeysAreVisibleEverywhereUnlessOverridden() throws IniException {
        IniDocument doc = parse("[DEFAULT]\nping_timeout = 3\ntrack = no\n[a]\ntrack = yes\n");
        IniSection a = doc.section("a").orElseThrow();
        assertThat(a.keys()).containsExactly("ping_timeout", "track");
        assertThat(a.entry("ping_timeout")).contains(new IniEntry("DEFAULT", "ping_timeout", "3", 2));
        assertThat(a.hasOwn("ping_timeout")).isFalse();
        assertThat(a.hasOwn("TRACK")).isTrue();
        assertThat(get(doc, "a", "track")).isEqualTo("yes");
        assertThat(doc.defaults().line()).isEqualTo(1);
        assertThat(doc.defaults().isDefault()).isTrue();
    }

    @Test
    void fileWithoutDefaultHasAnEmptyDefaultSection() throws IniException {
        IniDocument doc = parse("");
        assertThat(doc.defaults().keys()).isEmpty();
        assertThat(doc.defaults().line()).isZero();
        assertThat(doc.section("DEFAULT")).containsSame(doc.defaults());
        assertThat(doc.section("nope")).isEmpty();
    }

    @Test
    void continuationLinesJoinWithNewlinesKeepingInnerBlankLines() throws IniException {
        IniDocument doc = parse("[a]\nk = one\n   two\n\n  # comment, not value\n\tthree\n\n\nj =\n  x\n");
        assertThat(get(doc, "a", "k")).isEqualTo("one\ntwo\n\nthree");
        assertThat(get(doc, "a", "j")).isEqualTo("\nx");
    }

    @Test
    void inlineCommentsArePartOfTheValue() throws IniException {
        assertThat(get(parse("[a]\nk = 5 # seconds\n"), "a", "k")).isEqualTo("5 # seconds");
    }

    @Test
    void firstDelimiterSplitsKeyFromValue() throws IniException {
        IniDocument doc = parse("[a]\nurl = http://h:8086/?a=b\ntime: 12:30\n");
        assertThat(get(doc, "a", "url")).isEqualTo("http://h:8086/?a=b");
        assertThat(get(doc, "a", "time")).isEqualTo("12:30");
    }

    @Test
    void interpolatesFromSectionAndDefaultCaseInsensitively() throws IniException {
        IniDocument doc = parse("[DEFAULT]\nbase = 10.0.0\n[a]\nhost = 7\naddr = %(BASE)s.%(Host)s\npct = 100%%\n");
        assertThat(get(doc, "a", "addr")).isEqualTo("10.0.0.7");
        assertThat(get(doc, "a", "pct")).isEqualTo("100%");
        assertThat(doc.section("a").orElseThrow().entry("addr").orElseThrow().rawValue()).isEqualTo("%(BASE)s.%(Host)s");
    }

    @Test
    void defaultValueIsInterpolatedInTheSectionThatReadsIt() throws IniException {
        IniDocument doc = parse("[DEFAULT]\npath = %(base)s/x\n[a]\nbase = /a\n");
        assertThat(get(doc, "a", "path")).isEqualTo("/a/x");
        assertThat(readError(doc, "DEFAULT", "path")).isEqualTo(
                "test.conf:2: [DEFAULT] path: interpolation refers to missing key 'base' (expected a key of [DEFAULT])");
    }

    @Test
    void reportsMissingSectionHeaderOnce() {
        assertThat(problems("# c\ncycle_time = 5\nping_timeout = 1\n[general]\n")).isEqualTo(
                "test.conf:2: missing section header (expected a [section] line before the first key, got 'cycle_time = 5')");
    }

    @Test
    void reportsEveryBadLine() {
        assertThat(problems("[a]\nk = 1\nfast\n[b]\n= 5\nsomething else entirely\n")).isEqualTo("""
                test.conf:3: not a section, key or comment (expected '[section]', 'key = value' or 'key: value', got 'fast')
                test.conf:5: [b] missing key name (expected 'key = value', got '= 5')
                test.conf:6: not a section, key or comment (expected '[section]', 'key = value' or 'key: value', got 'something else entirely')""");
    }

    @Test
    void reportsDuplicateSectionsAndKeys() {
        assertThat(problems("[a]\nk = 1\nK = 2\n[b]\n[a]\nj = 1\n[DEFAULT]\nx = 1\n[DEFAULT]\nX = 2\n")).isEqualTo("""
                test.conf:3: [a] k: duplicate key (expected each key once per section, first at line 2)
                test.conf:5: [a] duplicate section (expected each section once, first at line 1)
                test.conf:10: [DEFAULT] x: duplicate key (expected each key once per section, first at line 8)""");
    }

    @Test
    void shortensLongLinesInMessages() {
        assertThat(problems("[a]\n" + "x y ".repeat(25) + "\n")).isEqualTo(
                "test.conf:2: not a section, key or comment (expected '[section]', 'key = value' or 'key: value', got '"
                        + "x y ".repeat(10) + "…')");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100%          | bad interpolation (expected '%%' or '%(name)s', got '%' at the end of the value)",
        "%d            | bad interpolation (expected '%%' or '%(name)s', got '%d')",
        "%(name        | bad interpolation (expected '%(name)s', got '%(' without a name and ')s')",
        "%()s          | bad interpolation (expected '%(name)s', got '%(' without a name and ')s')",
        "%(other)d     | bad interpolation (expected '%(name)s', got '%(' without a name and ')s')",
        "%(nowhere)s   | interpolation refers to missing key 'nowhere' (expected a key of [a] or [DEFAULT])",
        "%(k)s         | interpolation nested deeper than 10 levels (expected at most 10 nested %(name)s references, got a longer chain or a loop)",
    })
    void interpolationErrorsNameTheKeysLineWhenRead(String value, String message) throws IniException {
        IniDocument doc = parse("[a]\nother = 1\n\nk = " + value + "\n");
        assertThat(readError(doc, "a", "k")).isEqualTo("test.conf:4: [a] k: " + message);
    }

    @Test
    void tenNestedReferencesAreAllowedEleventhIsNot() throws IniException {
        StringBuilder chain = new StringBuilder("[a]\n");
        for (int i = 1; i <= 10; i++) {
            chain.append("k").append(i).append(" = %(k").append(i + 1).append(")s\n");
        }
        IniDocument ok = parse(chain + "k11 = end\n");
        assertThat(get(ok, "a", "k1")).isEqualTo("end");
        IniDocument deep = parse(chain + "k11 = %%\n");
        assertThat(get(deep, "a", "k2")).isEqualTo("%");
        assertThat(readError(deep, "a", "k1")).startsWith("test.conf:2: [a] k1: interpolation nested deeper than 10 levels");
    }

    /** Ten levels, each naming the level below {@code fanOut} times: fanOut^9 copies of the bottom value. */
    private static String fanOut(int fanOut, String bottom) {
        StringBuilder text = new StringBuilder("[DEFAULT]\nl0 = " + bottom + "\n");
        for (int level = 1; level <= 9; level++) {
            text.append('l').append(level).append(" = ").append(("%(l" + (level - 1) + ")s").repeat(fanOut)).append('\n');
        }
        return text.append("\n[general]\ncycle_time = %(l9)s\n").toString();
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void interpolationBombStopsAt64KiB() throws IniException {
        String bomb = fanOut(8, "x".repeat(40)); // 8^9 × 40 characters: 5 GB if expanded
        assertThat(bomb.length()).isLessThan(1024);
        IniDocument doc = parse(bomb);
        assertThat(readError(doc, "general", "cycle_time")).isEqualTo(
                "test.conf:14: [general] cycle_time: value too long after interpolation (expected at most 65536 characters, got more)");
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void interpolationBombOfEmptyValuesStopsAt64KiReferences() throws IniException {
        IniDocument doc = parse(fanOut(8, "")); // 8^9 references that expand to nothing: CPU, not memory
        assertThat(readError(doc, "general", "cycle_time")).isEqualTo(
                "test.conf:14: [general] cycle_time: too many %(name)s references after interpolation"
                        + " (expected at most 65536 for one value, got more)");
    }

    @Test
    void valueOfExactly64KiBIsRead() throws IniException {
        IniDocument doc = parse("[a]\nhalf = " + "y".repeat(32 * 1024) + "\nk = %(half)s%(half)s\nover = %(k)s.\n");
        assertThat(get(doc, "a", "k")).hasSize(64 * 1024);
        assertThat(readError(doc, "a", "over")).isEqualTo(
                "test.conf:4: [a] over: value too long after interpolation (expected at most 65536 characters, got more)");
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void manyLargeValuesExhaustTheFilesBudget() throws IniException {
        StringBuilder text = new StringBuilder("[a]\nbig = " + "y".repeat(60_000) + "\n");
        for (int i = 0; i < 300; i++) {
            text.append("k").append(i).append(" = %(big)s\n");
        }
        IniDocument doc = parse(text.toString());
        int read = 0;
        String error = null;
        for (int i = 0; i < 300 && error == null; i++) {
            try {
                get(doc, "a", "k" + i);
            } catch (IniException e) {
                error = e.getMessage();
            }
            read++;
        }
        assertThat(read).as("values read before the budget ran out").isEqualTo(280);
        assertThat(error).isEqualTo("test.conf:282: [a] k279: interpolation of the whole file too large"
                + " (expected at most 16777216 characters and references in all its values, got more)");
    }

    @Test
    void splitsLinesLikePythonUniversalNewlines() {
        assertThat(IniReader.lines("a\r\nb\rc\n\nd")).containsExactly("a", "b", "c", "", "d");
        assertThat(IniReader.lines("a\n")).containsExactly("a");
        assertThat(IniReader.lines("")).isEmpty();
    }

    @Test
    void anExceptionNeedsAProblem() {
        assertThatThrownBy(() -> new IniException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
