package dev.ztc.emit.opa;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code .signatures.json} in the format OPA verifies: {@code {"signatures": [JWT]}}, the JWT's payload
 * listing every other file of the bundle with its SHA-256 ({@code files: [{name, hash, algorithm}]}) and the
 * {@code keyid} the verifier looks its key up by. RS256 for an RSA key, ES256 for a P-256 key; RS256
 * signatures are deterministic, ES256 ones are not (ECDSA draws a random nonce).
 */
public final class BundleSigner {

    /** The key id {@code opa run --verification-key} uses when none is given. */
    public static final String DEFAULT_KEY_ID = "default";

    private final JWSSigner signer;
    private final JWSAlgorithm algorithm;
    private final String keyId;

    private BundleSigner(JWSSigner signer, JWSAlgorithm algorithm, String keyId) {
        this.signer = signer;
        this.algorithm = algorithm;
        this.keyId = keyId;
    }

    /**
     * A signer from an unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl genpkey}
     * writes). Throws IllegalArgumentException with a message for the user otherwise.
     */
    public static BundleSigner fromPem(String pem, String keyId) {
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not an unencrypted PKCS#8 PEM private key (BEGIN PRIVATE KEY); convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem'");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not base64");
        }
        PrivateKey key = parse(der);
        try {
            if (key instanceof RSAPrivateKey rsa) {
                return new BundleSigner(new RSASSASigner(rsa), JWSAlgorithm.RS256, keyId);
            }
            if (key instanceof ECPrivateKey ec) {
                if (ec.getParams().getCurve().getField().getFieldSize() != 256) {
                    throw new IllegalArgumentException("an EC key must be on P-256 for ES256");
                }
                return new BundleSigner(new ECDSASigner(ec), JWSAlgorithm.ES256, keyId);
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable key: " + e.getMessage());
        }
        throw new IllegalArgumentException("an RSA or EC (P-256) key is needed, not " + key.getAlgorithm());
    }

    private static PrivateKey parse(byte[] der) {
        for (String type : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next type
            }
        }
        throw new IllegalArgumentException("the PEM holds neither an RSA nor an EC private key");
    }

    public String algorithm() {
        return algorithm.getName();
    }

    /** The bytes of {@code .signatures.json} for {@code files} (bundle-relative names, without .signatures.json). */
    public byte[] signatures(Map<String, byte[]> files) {
        List<Object> listed = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", file.getKey());
            entry.put("hash", OpaJsonHash.of(file.getKey(), file.getValue()));
            entry.put("algorithm", "SHA-256");
            listed.add(entry);
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("files", listed).claim("keyid", keyId).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(keyId).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
        // a JWT is base64url and dots: nothing to escape
        return ("{\"signatures\":[\"" + jwt.serialize() + "\"]}\n").getBytes(StandardCharsets.UTF_8);
    }
}
