package org.wgtrack.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the effective user id from /proc/self/status ("Uid: real effective saved fs"). */
final class LocalPrivileges {

    private LocalPrivileges() {
    }

    static boolean isRoot() {
        try {
            return isRoot(Files.readString(Path.of("/proc/self/status")));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isRoot(String procStatus) {
        for (String line : procStatus.split("\n")) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.substring("Uid:".length()).trim().split("\\s+");
                return ids.length > 1 && ids[1].equals("0");
            }
        }
        return false;
    }
}
