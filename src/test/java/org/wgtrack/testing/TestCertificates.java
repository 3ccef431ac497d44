package org.wgtrack.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Throw-away certificates and keys made by openssl at test time (none is ever committed), valid
 * for 127.0.0.1 and localhost for two days.
 */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** {@code openssl args…} in {@code dir}; fails with openssl's output. */
    public static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** A self-signed server certificate {@code name.crt} with its key {@code name.key} (PKCS#8); {@code rsa} or {@code ec}. */
    public static void selfSigned(Path dir, String name, String type) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", name + ".key", "-out", name + ".crt"));
        if (type.equals("ec")) {
            args.addAll(List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));
        } else {
            args.addAll(List.of("-newkey", "rsa:2048"));
        }
        openssl(dir, args.toArray(String[]::new));
    }

    /** A CA {@code ca.crt}/{@code ca.key} and a client certificate {@code client.crt}/{@code client.key} signed by it. */
    public static void clientCa(Path dir) throws IOException, InterruptedException {
        openssl(dir, "req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=wgtrack test ca", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:P-256", "-keyout", "ca.key", "-out", "ca.crt");
        openssl(dir, "req", "-nodes", "-subj", "/CN=scraper", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-keyout", "client.key", "-out", "client.csr");
        openssl(dir, "x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-out", "client.crt");
    }
}
