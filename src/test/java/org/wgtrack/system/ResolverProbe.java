package org.wgtrack.system;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Run in a JVM of its own by {@link SystemResolverIT} (the JVM's lookup cache policy is fixed
 * at its first lookup, so it cannot be tested inside a shared test JVM). Resolves a name, moves
 * the name to another address in the hosts file, resolves again, and prints both answers.
 * Arguments: hosts file, name, first address, second address, {@code nocache} or {@code default}.
 */
public final class ResolverProbe {

    public static void main(String[] args) throws Exception {
        Path hosts = Path.of(args[0]);
        String name = args[1];
        if (args[4].equals("nocache")) {
            SystemResolver.disableJvmCache();
        }
        SystemResolver resolver = new SystemResolver();
        write(hosts, args[2] + " " + name);
        String first = text(resolver.resolve(name));
        Thread.sleep(1100); // a new modification time, coarse on some file systems
        write(hosts, args[3] + " " + name);
        String second = text(resolver.resolve(name));
        System.out.println(first + " " + second);
    }

    private static void write(Path hosts, String line) throws Exception {
        Path next = hosts.resolveSibling(hosts.getFileName() + ".next");
        Files.writeString(next, line + "\n");
        Files.move(next, hosts, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String text(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(","));
    }
}
