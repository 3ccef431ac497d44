package org.wgtrack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.ConfigLoader;
import org.wgtrack.config.WgtrackConfig;

/** [hook:…] sections from wgtrack.conf through the real loader to validated hooks. */
class HookFactoryTest {

    private static HookFactory.HookPlan plan(String text) throws ConfigException {
        WgtrackConfig config = ConfigLoader.parse("t.conf", text);
        return HookFactory.validate(config.hooks());
    }

    @Test
    void readsEveryKeyAndAppliesTheDefaults() throws ConfigException {
        HookFactory.HookPlan plan = plan("""
                [hook:mail]
                command = /usr/local/bin/wg-mail --to "ops team" 'on call'

                [hook:pager]
                type = exec
                command = /usr/local/bin/page
                timeout = 2.5
                on = down, up, resolution_failed, live_state_failed
                interfaces = wg0, wg-site
                peers = berlin, xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=
                down_after = 3
                on_startup = yes
                concurrency = 2
                """);
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.hooks()).containsExactly(
                new HookSpec("mail", List.of("/usr/local/bin/wg-mail", "--to", "ops team", "on call"), Duration.ofSeconds(10),
                        Set.of(EventType.DOWN, EventType.UP), Set.of(), Set.of(), 0, false, 4),
                new HookSpec("pager", List.of("/usr/local/bin/page"), Duration.ofMillis(2500),
                        Set.of(EventType.DOWN, EventType.UP, EventType.RESOLUTION_FAILED, EventType.LIVE_STATE_FAILED),
                        Set.of("wg0", "wg-site"), Set.of("berlin", "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg="), 3, true, 2));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "type|webhook|invalid value 'webhook' (expected exec (webhooks are not available yet))",
        "command|/bin/echo \"open|invalid value '/bin/echo \"open' (expected a program and its arguments, quotes closed, escapes \\\\ \\\" \\' \\n \\t \\r or \\ and a space)",
        "timeout|forever|invalid value 'forever' (expected a number of seconds from 0.001 to 3600)",
        "on|down, upp|unknown event 'upp' (expected down, up, endpoint_changed, resolution_failed, live_state_failed, live_state_recovered)",
        "down_after|-1|invalid value '-1' (expected a whole number from 0 to 1000000)",
        "on_startup|maybe|invalid value 'maybe' (expected yes, no, true, false, on, off, 1 or 0)",
        "concurrency|0|invalid value '0' (expected a whole number from 1 to 64)",
    })
    void refusesBadValuesWithFileLineSectionAndKey(String key, String value, String message) {
        String text = "[hook:ops]\ncommand = /usr/bin/true\n" + (key.equals("command") ? "" : key + " = " + value + "\n");
        if (key.equals("command")) {
            text = "[hook:ops]\ncommand = " + value + "\n";
        }
        int line = key.equals("command") ? 2 : 3;
        String config = text;
        assertThatThrownBy(() -> plan(config)).isInstanceOf(ConfigException.class)
                .hasMessage("t.conf:" + line + ": [hook:ops] " + key + ": " + message);
    }

    @Test
    void aHookWithoutCommandIsAnErrorAndUnknownKeysAreWarnings() throws ConfigException {
        assertThatThrownBy(() -> plan("[hook:ops]\non = down\n"))
                .hasMessage("t.conf:1: [hook:ops] no command (expected command = /path/to/program [args…])");
        assertThat(plan("[hook:ops]\ncommand = /usr/bin/true\nurl = https://example.org\n").warnings())
                .extracting(Object::toString).containsExactly("t.conf:3: [hook:ops] url: unknown key, ignored (expected one of "
                        + "type, command, timeout, on, interfaces, peers, down_after, on_startup, concurrency)");
    }
}
