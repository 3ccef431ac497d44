package org.wgtrack.wg;

import java.util.Objects;
import org.wgtrack.log.Shown;

/** A peer as wgtrack tracks it: the same key on two interfaces is two peers. */
public record PeerId(String interfaceName, PublicKey publicKey) {

    public PeerId {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    // Written out with the generated ones' values (31 × h + component): see PublicKey.equals.
    @Override
    public boolean equals(Object other) {
        return other instanceof PeerId id && interfaceName.equals(id.interfaceName) && publicKey.equals(id.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * interfaceName.hashCode() + publicKey.hashCode();
    }

    /** {@code wg0 k8YzRPdd…}, or {@code wg0 peer1 (k8YzRPdd…)} with a name: how logs name a peer. */
    public String describe(java.util.Optional<String> name) {
        // Names come from files people edit: a line break or escape sequence in one stays visible text.
        String iface = Shown.escaped(interfaceName);
        return name.map(n -> iface + " " + Shown.escaped(n) + " (" + publicKey.shortForm() + ")")
                .orElse(iface + " " + publicKey.shortForm());
    }
}
