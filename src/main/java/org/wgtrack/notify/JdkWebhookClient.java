package org.wgtrack.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The real {@link WebhookClient}: the JDK's HTTP client, HTTP/1.1, no redirects followed.
 *
 * <p>The client is built on the first post, not before: a JDK HttpClient starts a selector
 * thread at once that wakes every few seconds for as long as the client lives, and loads about
 * 700 classes (2,845 loaded by a daemon at 100 peers with it, 2,150 without), which a daemon
 * without webhooks would carry for nothing.
 */
public final class JdkWebhookClient implements WebhookClient {

    private HttpClient client;

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    @Override
    public int post(URI url, Map<String, String> headers, String contentType, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", contentType).header("User-Agent", "wgtrack")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
