package org.wgtrack.system;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/** Interface addresses from the JDK (netlink underneath), in the network namespace we run in. */
public final class JdkInterfaceAddresses implements InterfaceAddresses {

    @Override
    public List<InetAddress> of(String interfaceName) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(interfaceName);
            if (nif == null) {
                return List.of();
            }
            List<InetAddress> addresses = new ArrayList<>();
            for (InterfaceAddress address : nif.getInterfaceAddresses()) {
                addresses.add(address.getAddress());
            }
            return addresses;
        } catch (SocketException e) {
            return List.of();
        }
    }
}
