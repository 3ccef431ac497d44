package org.wgtrack.testing;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.wgtrack.system.Wg;
import org.wgtrack.system.WgException;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.PublicKey;

/** An in-memory WireGuard: serves whatever live state the test supplies and records {@code wg set} calls. */
public final class FakeWgBackend implements Wg {

    private volatile Supplier<LiveState> state = () -> new LiveState(List.of());
    private volatile String failure;
    private final List<String> setCalls = Collections.synchronizedList(new ArrayList<>());
    private int dumps;

    public void serve(Supplier<LiveState> supplier) {
        state = supplier;
    }

    public void fail(String message) {
        failure = message;
    }

    @Override
    public synchronized LiveState dump() throws WgException {
        dumps++;
        if (failure != null) {
            throw new WgException(failure);
        }
        return state.get();
    }

    public synchronized int dumps() {
        return dumps;
    }

    @Override
    public void setEndpoint(String interfaceName, PublicKey peer, InetSocketAddress endpoint) {
        setCalls.add(interfaceName + " " + peer.shortForm() + " " + org.wgtrack.wg.Endpoint.of(endpoint.getAddress(), endpoint.getPort()));
    }

    public List<String> setCalls() {
        synchronized (setCalls) {
            return List.copyOf(setCalls);
        }
    }
}
