package org.wgtrack.output;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS side of the listener, swappable while it runs: the JDK's HTTPS server takes one
 * SSLContext for its lifetime, so the context is built once on a key manager and a trust manager
 * that read the current {@link State}, and {@link #configurator} applies the current client-auth
 * mode and protocol versions to every new connection. {@link #set} is how a renewed certificate
 * or a changed {@code client_auth_type} takes effect without a restart; connections already open
 * keep what they negotiated.
 */
final class ReloadableTls {

    /** What one load of the web config says about TLS. */
    record State(WebConfig.Tls tls, WebConfigReader.TlsMaterial material, X509TrustManager clientTrust, long generation) {
        String alias() {
            return "wgtrack-" + generation;
        }
    }

    private volatile State current;
    private volatile State previous;
    private long generations;
    private final SSLContext context;

    ReloadableTls(WebConfig.Tls tls, WebConfigReader.TlsMaterial material) throws GeneralSecurityException {
        set(tls, material);
        context = SSLContext.getInstance("TLS");
        context.init(new javax.net.ssl.KeyManager[] {new KeyManager()}, new javax.net.ssl.TrustManager[] {new TrustManager()}, null);
    }

    synchronized void set(WebConfig.Tls tls, WebConfigReader.TlsMaterial material) throws GeneralSecurityException {
        X509TrustManager trust = null;
        if (tls.clientAuth().verify()) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException("cannot create an empty key store", e);
            }
            int i = 0;
            for (X509Certificate ca : material.clientCas()) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (javax.net.ssl.TrustManager manager : factory.getTrustManagers()) {
                if (X509TrustManager.class.isInstance(manager)) {
                    trust = (X509TrustManager) manager;
                }
            }
        }
        previous = current;
        current = new State(tls, material, trust, ++generations);
    }

    SSLContext context() {
        return context;
    }

    HttpsConfigurator configurator() {
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                State state = current;
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setProtocols(state.tls().protocols());
                if (state.tls().clientAuth().need()) {
                    parameters.setNeedClientAuth(true);
                } else {
                    parameters.setWantClientAuth(state.tls().clientAuth().want());
                }
                params.setSSLParameters(parameters);
            }
        };
    }

    private State byAlias(String alias) {
        State state = current;
        if (state.alias().equals(alias)) {
            return state;
        }
        State before = previous;
        return before != null && before.alias().equals(alias) ? before : null;
    }

    /** The server's certificate and key: the current ones (a handshake begun before a swap finishes with its own). */
    private final class KeyManager extends X509ExtendedKeyManager {
        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return chooseServerAlias(keyType, issuers, null);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            State state = current;
            String algorithm = state.material().key().getAlgorithm();
            boolean fits = keyType == null || keyType.equals(algorithm) || (algorithm.equals("EC") && keyType.startsWith("EC"))
                    || (algorithm.equals("RSASSA-PSS") && keyType.equals("RSASSA-PSS"));
            return fits ? state.alias() : null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            String alias = chooseServerAlias(keyType, issuers, null);
            return alias == null ? null : new String[] {alias};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            State state = byAlias(alias);
            return state == null ? null : state.material().chain().toArray(X509Certificate[]::new);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            State state = byAlias(alias);
            return state == null ? null : state.material().key();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    /**
     * Client certificates: checked against client_ca_file in the verifying modes; taken as they
     * are in RequestClientCert and RequireAnyClientCert, as Go's crypto/tls does.
     */
    private final class TrustManager extends X509ExtendedTrustManager {
        private void check(X509Certificate[] chain, String authType) throws CertificateException {
            State state = current;
            if (state.clientTrust() != null) {
                state.clientTrust().checkClientTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("a server does not check servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("a server does not check servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a server does not check servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            State state = current;
            List<X509Certificate> cas = state.clientTrust() == null ? List.of() : state.material().clientCas();
            return Objects.requireNonNull(cas).toArray(X509Certificate[]::new);
        }
    }
}
