package org.wgtrack.output;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys in PEM, as openssl, certbot and the Go exporters' users have them:
 *
 * <pre>
 * -----BEGIN PRIVATE KEY-----        PKCS#8, RSA or EC (openssl genpkey, certbot)
 * -----BEGIN RSA PRIVATE KEY-----    PKCS#1 (openssl genrsa before 3.0)
 * -----BEGIN EC PRIVATE KEY-----     SEC 1 (openssl ecparam -genkey; an EC PARAMETERS block before it is skipped)
 * </pre>
 *
 * Encrypted keys are refused: the daemon has nobody to ask for a pass phrase. Messages never
 * contain key material.
 */
public final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
    /** rsaEncryption 1.2.840.113549.1.1.1 and id-ecPublicKey 1.2.840.10045.2.1, DER. */
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private PemKeys() {
    }

    /** Why a PEM file could not be used; the message names no key material. */
    public static final class PemException extends Exception {
        private static final long serialVersionUID = 1L;

        PemException(String message) {
            super(message);
        }
    }

    /** Every certificate of the file, in order (a server certificate followed by its chain). */
    public static List<X509Certificate> certificates(byte[] pem) throws PemException {
        if (!new String(pem, StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE-----")) {
            throw new PemException("no certificate in it (expected a PEM block -----BEGIN CERTIFICATE-----)");
        }
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new PemException("no certificate in it (expected a PEM block -----BEGIN CERTIFICATE-----)");
            }
            return certificates;
        } catch (CertificateException | RuntimeException e) {
            throw new PemException("not a valid PEM certificate (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The first private key of the file. */
    public static PrivateKey privateKey(byte[] pem) throws PemException {
        Matcher m = BLOCK.matcher(new String(pem, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("ENCRYPTED PRIVATE KEY") || m.group(2).contains("Proc-Type: 4,ENCRYPTED")) {
                throw new PemException("the private key is encrypted (expected a key without a pass phrase)");
            }
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2).strip());
            } catch (IllegalArgumentException e) {
                throw new PemException("the " + type + " block is not valid base64");
            }
            try {
                return switch (type) {
                    case "PRIVATE KEY" -> pkcs8(der);
                    case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(concat(new byte[] {0x02, 0x01, 0x00}, sequence(concat(RSA_OID, new byte[] {0x05, 0x00})),
                                    tagged(0x04, der)))));
                    case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(concat(new byte[] {0x02, 0x01, 0x00}, sequence(concat(EC_OID, curveOid(der))),
                                    tagged(0x04, der)))));
                    default -> throw new PemException("unsupported key type " + type
                            + " (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
                };
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new PemException("the " + type + " block is not a valid RSA or EC key");
            }
        }
        throw new PemException("no private key in it (expected a PEM block -----BEGIN PRIVATE KEY-----,"
                + " -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** True when the key signs what the certificate's public key verifies. */
    static boolean matches(PrivateKey key, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        if (!publicKey.getAlgorithm().equals(key.getAlgorithm())) {
            return false;
        }
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            byte[] data = "wgtrack key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The namedCurve OID inside an SEC 1 ECPrivateKey: the [0] parameters after version and key. */
    private static byte[] curveOid(byte[] sec1) throws PemException {
        int[] at = {0};
        expect(sec1, at, 0x30);
        readLength(sec1, at);
        while (at[0] < sec1.length) {
            int tag = sec1[at[0]++] & 0xff;
            int length = readLength(sec1, at);
            if (tag == 0xa0) {
                if (length < 2 || sec1[at[0]] != 0x06 || at[0] + length > sec1.length) {
                    break;
                }
                byte[] oid = new byte[length];
                System.arraycopy(sec1, at[0], oid, 0, length);
                return oid;
            }
            at[0] += length;
        }
        throw new PemException("the EC PRIVATE KEY block names no curve (expected a named curve such as prime256v1)");
    }

    private static void expect(byte[] der, int[] at, int tag) throws PemException {
        if (at[0] >= der.length || (der[at[0]++] & 0xff) != tag) {
            throw new PemException("the EC PRIVATE KEY block is not DER");
        }
    }

    private static int readLength(byte[] der, int[] at) throws PemException {
        if (at[0] >= der.length) {
            throw new PemException("the EC PRIVATE KEY block is cut short");
        }
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int bytes = first & 0x7f;
        if (bytes > 3 || at[0] + bytes > der.length) {
            throw new PemException("the EC PRIVATE KEY block is not DER");
        }
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }

    private static byte[] sequence(byte[] content) {
        return tagged(0x30, content);
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
