package org.wgtrack.system;

import java.net.InetSocketAddress;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.PublicKey;

/** WireGuard as wgtrack sees it: read the live state, point a peer at a new endpoint. */
public interface Wg {

    /** {@code wg show all dump}; malformed lines are skipped (and reported by the implementation). */
    LiveState dump() throws WgException;

    /** {@code wg set <ifname> peer <key> endpoint <addr>:<port>} (IPv6 in brackets). */
    void setEndpoint(String interfaceName, PublicKey peer, InetSocketAddress endpoint) throws WgException;
}
