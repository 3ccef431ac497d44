package org.wgtrack.wg;

import java.util.List;

/** Everything one {@code wg show all dump} reported, in the order wg printed it. */
public record LiveState(List<InterfaceStatus> interfaces) {

    public LiveState {
        interfaces = List.copyOf(interfaces);
    }
}
