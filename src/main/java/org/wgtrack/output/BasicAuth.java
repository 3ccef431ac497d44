package org.wgtrack.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * HTTP basic authentication against {@code basic_auth_users} (bcrypt hashes). A bcrypt check
 * costs tens of milliseconds at cost 10, so results are remembered as the exporter-toolkit does,
 * under a SHA-256 of hash, user and password (never the password itself), at most
 * {@value #CACHE_SIZE} of them. An unknown user costs a bcrypt check too, so the time of an
 * answer does not tell which users exist. At most {@value #CHECKS_AT_ONCE} checks run at once, so
 * a client guessing passwords on many connections cannot take every core; a scraper whose
 * credentials were checked before is answered from the cache without waiting.
 */
final class BasicAuth {

    static final int CACHE_SIZE = 256;
    static final int CHECKS_AT_ONCE = 2;
    private static final Semaphore CHECKS = new Semaphore(CHECKS_AT_ONCE, true);
    /** A hash of nothing anybody knows, checked for unknown users. */
    private static final String DUMMY = BCrypt.hashpw("wgtrack unknown user", BCrypt.gensalt(10));

    private final Map<String, String> users;
    private final Map<String, Boolean> checked = new ConcurrentHashMap<>();

    BasicAuth(Map<String, String> users) {
        this.users = Map.copyOf(users);
    }

    /** True when the {@code Authorization} header names a user with the right password. */
    boolean allows(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String hash = users.get(user);
        String cacheKey = digest((hash == null ? DUMMY : hash) + "\0" + user + "\0" + password);
        Boolean known = checked.get(cacheKey);
        if (known != null) {
            return known && hash != null;
        }
        boolean ok;
        try {
            CHECKS.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            ok = BCrypt.checkpw(password, hash == null ? DUMMY : hash) && hash != null;
        } catch (IllegalArgumentException e) {
            ok = false; // a password longer than bcrypt's 72 bytes
        } finally {
            CHECKS.release();
        }
        if (checked.size() >= CACHE_SIZE) {
            checked.clear();
        }
        checked.put(cacheKey, ok);
        return ok;
    }

    private static String digest(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
