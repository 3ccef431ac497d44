package org.wgtrack.wg;

/**
 * The live state has more peers than wgtrack tracks ({@link WgDumpParser#MAX_PEERS}). Unchecked
 * because only the dump's reader ({@code WgCommand}) can meet it, and it turns it into a failed
 * live-state read.
 */
public final class TooManyPeersException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TooManyPeersException(int peers, int limit) {
        super("live state has " + peers + " peers, more than the " + limit + " wgtrack tracks;"
                + " no peer is judged or exported while there are more");
    }
}
