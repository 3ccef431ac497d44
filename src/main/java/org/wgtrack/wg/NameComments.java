package org.wgtrack.wg;

import java.util.Optional;

/**
 * Which peer a friendly-name comment belongs to, for the formats whose peers are sections
 * (wg-quick's {@code [Peer]}, networkd's {@code [WireGuardPeer]}): a name in the comments
 * directly above a peer header (nothing but comments between them) names the peer below;
 * any other names the peer whose section it is in. A parser feeds every comment and blank line
 * here and asks, before each other line, where the pending name goes.
 */
final class NameComments {

    private String pending;
    private String above;

    /** A comment line; its name, if it has one and none came before it in this block, waits for the next line. */
    void comment(String line) {
        if (pending == null) {
            pending = FriendlyName.fromComment(line).orElse(null);
        }
    }

    /**
     * Settles the waiting name before a line that is no comment: kept for the peer below if
     * {@code nextIsPeerHeader}, else returned for the peer whose section the comments were in.
     * A blank line counts as such a line, so a name above a blank line is not "directly above".
     */
    Optional<String> settle(boolean nextIsPeerHeader) {
        String name = pending;
        pending = null;
        if (name != null && nextIsPeerHeader) {
            above = name;
            return Optional.empty();
        }
        return Optional.ofNullable(name);
    }

    /** The name written directly above the peer header just read, once. */
    Optional<String> takeAbove() {
        String name = above;
        above = null;
        return Optional.ofNullable(name);
    }
}
