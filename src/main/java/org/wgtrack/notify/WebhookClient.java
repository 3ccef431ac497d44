package org.wgtrack.notify;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Sends one HTTP POST and returns its status code. */
public interface WebhookClient {

    int post(URI url, Map<String, String> headers, String contentType, String body, Duration timeout)
            throws IOException, InterruptedException;
}
