package org.wgtrack.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The systemd unit and OpenRC script that install writes: packaging/wgtrack.service and
 * packaging/wgtrack.openrc (copied into the jar; ServiceTemplatesTest keeps the copies
 * identical) with the packaged launcher /usr/bin/wgtrack replaced by the chosen one.
 */
public final class ServiceTemplates {

    static final String PACKAGED_EXEC_START = "ExecStart=/usr/bin/wgtrack ";
    static final String PACKAGED_COMMAND = "command=\"/usr/bin/wgtrack\"";

    private ServiceTemplates() {
    }

    public static String systemdUnit(Path launcher) {
        return replaceOnce(resource("wgtrack.service"), PACKAGED_EXEC_START, "ExecStart=" + launcher + " ");
    }

    public static String openrcScript(Path launcher) {
        return replaceOnce(resource("wgtrack.openrc"), PACKAGED_COMMAND, "command=\"" + launcher + "\"");
    }

    private static String replaceOnce(String template, String target, String replacement) {
        int at = template.indexOf(target);
        if (at < 0 || template.indexOf(target, at + 1) >= 0) {
            throw new IllegalStateException("template must contain '" + target + "' exactly once");
        }
        return template.substring(0, at) + replacement + template.substring(at + target.length());
    }

    static String resource(String name) {
        try (InputStream in = ServiceTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
