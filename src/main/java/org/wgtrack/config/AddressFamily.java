package org.wgtrack.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Which resolved addresses may become a peer's endpoint ({@code address_family}). */
public enum AddressFamily {
    ANY("any"),
    IPV4("ipv4"),
    IPV6("ipv6");

    private final String label;

    AddressFamily(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean allows(InetAddress address) {
        return switch (this) {
            case ANY -> true;
            case IPV4 -> Inet4Address.class.isInstance(address);
            case IPV6 -> Inet6Address.class.isInstance(address);
        };
    }
}
