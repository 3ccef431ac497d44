package org.wgtrack.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The system resolver (nsswitch: /etc/hosts, DNS), asked anew on every call: no cache. */
public interface Resolver {

    List<InetAddress> resolve(String hostname) throws UnknownHostException;
}
