package org.wgtrack.system;

import java.net.InetAddress;
import java.util.List;

/** The addresses an interface carries on this host (to pick a ping target of the right family). */
public interface InterfaceAddresses {

    List<InetAddress> of(String interfaceName);
}
