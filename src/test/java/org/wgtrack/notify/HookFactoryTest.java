package org.wgtrack.notify;

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
import org.wgtrack.events.EventType;

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
        "type|sms|invalid value 'sms' (expected exec or webhook)",
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
        assertThat(plan("[hook:ops]\ncommand = /usr/bin/true\ncolour = red\nretries = 2\n").warnings())
                .extracting(Object::toString).containsExactly("t.conf:3: [hook:ops] colour: unknown key, ignored (expected one of "
                        + "type, command, url, format, header, header_file, retries, timeout, on, interfaces, peers, down_after, "
                        + "on_startup, concurrency)", "t.conf:4: [hook:ops] retries: applies to type = webhook only; ignored");
    }

    @Test
    void readsAWebhookWithHeadersFromTheConfigAndFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path tokens = java.nio.file.Files.writeString(dir.resolve("ntfy.headers"), "# the token stays out of wgtrack.conf\n"
                + "Authorization: Bearer tk_0123456789\n");
        HookFactory.HookPlan plan = plan("""
                [hook:ntfy]
                url = https://ntfy.example.org/wg-alerts
                format = text
                header = Priority: high
                  Tags: warning
                header_file = %s
                retries = 5
                """.formatted(tokens));
        assertThat(plan.warnings()).isEmpty();
        HookSpec hook = plan.hooks().get(0);
        assertThat(hook.command()).isEmpty();
        assertThat(hook.webhook()).contains(new Webhook(java.net.URI.create("https://ntfy.example.org/wg-alerts"), Webhook.Format.TEXT,
                java.util.Map.of("Priority", "high", "Tags", "warning", "Authorization", "Bearer tk_0123456789"), 5));
        assertThat(hook.receiver()).isEqualTo("https://ntfy.example.org");
        assertThat(plan("[hook:x]\nurl = http://user:pw@hooks.example:8080/p?token=s\n").hooks().get(0))
                .satisfies(h -> assertThat(h.receiver()).isEqualTo("http://hooks.example:8080"))
                .satisfies(h -> assertThat(h.webhook().orElseThrow().format()).isEqualTo(Webhook.Format.JSON));
    }

    @Test
    void aBadWebhookNamesTheKeyButNeverShowsTheUrlOrAHeaderValue() {
        assertThatThrownBy(() -> plan("[hook:x]\nurl = ftp://files.example/secret-token\n"))
                .hasMessage("t.conf:2: [hook:x] url: invalid value (expected http://host/… or https://host/…; value not shown,"
                        + " a webhook URL may hold a token)");
        assertThatThrownBy(() -> plan("[hook:x]\nurl = https://h.example\nheader = Bearer secret-token\n"))
                .hasMessage("t.conf:3: [hook:x] header: bad header (expected Name: value with a header name other than"
                        + " Content-Type, Content-Length or Host; line not shown)");
        assertThatThrownBy(() -> plan("[hook:x]\ntype = webhook\n"))
                .hasMessage("t.conf:1: [hook:x] no url (expected url = http://… or https://…)");
        assertThatThrownBy(() -> plan("[hook:x]\nurl = https://h.example\nheader_file = /no/headers\n"))
                .hasMessage("t.conf:3: [hook:x] header_file: cannot read '/no/headers': no such file");
    }
}
