package org.wgtrack.status;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How {@code wgtrack status} and {@code wgtrack events} reach the running daemon's HTTP listener. */
public final class DaemonOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "ask the daemon's listener at this URL (http or https; a path ending in /status or /events is"
                    + " replaced by the page asked for) instead of the listener in the configuration")
    URI url;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "a file whose first line is USER:PASSWORD, for a listener with basic_auth_users")
    Path credentials;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "PEM certificates to trust for an https --url (default: the system's CAs)")
    Path cacert;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "a PEM client certificate for a listener with mutual TLS (with --key)")
    Path clientCert;

    @Option(names = "--key", paramLabel = "FILE", description = "the PEM private key of --cert")
    Path clientKey;
}
