package org.wgtrack.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Security;
import java.util.List;

/**
 * The JDK's resolver, which asks the system's (nsswitch: /etc/hosts, DNS). The JVM caches
 * answers for 30 s by default; {@link #disableJvmCache()} must run before the first lookup
 * of the process so that every re-resolution really asks anew.
 */
public final class SystemResolver implements Resolver {

    /** Turns the JVM's positive and negative lookup caches off; call first thing in main. */
    public static void disableJvmCache() {
        Security.setProperty("networkaddress.cache.ttl", "0");
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
    }

    @Override
    public List<InetAddress> resolve(String hostname) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(hostname));
    }
}
