package org.wgtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/usr/bin/notify|/usr/bin/notify",
        "  /usr/bin/notify   -v  --to ops  |/usr/bin/notify⏵-v⏵--to⏵ops",
        "/bin/echo \"two words\" 'single quoted'|/bin/echo⏵two words⏵single quoted",
        "/bin/echo a\"b c\"d|/bin/echo⏵ab cd",
        "/bin/echo \"\" ''|/bin/echo⏵⏵",
        "/bin/echo one\\ word \\\"q\\\" tab\\tend|/bin/echo⏵one word⏵\"q\"⏵tab\tend",
        "/bin/echo 'it''s'|/bin/echo⏵its",
        "/bin/sh -c $HOME>x|/bin/sh⏵-c⏵$HOME>x",
    })
    void splitsAsSystemdSplitsExecStart(String text, String words) {
        assertThat(CommandLine.split(text)).contains(List.of(words.split("⏵", -1)));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "/bin/echo \"open", "/bin/echo 'open", "/bin/echo trailing\\", "/bin/echo \\q"})
    void refusesWhatSystemdWouldRefuse(String command) {
        assertThat(CommandLine.split(command)).isEqualTo(Optional.empty());
    }
}
