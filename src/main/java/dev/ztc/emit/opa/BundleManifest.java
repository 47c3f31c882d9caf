package dev.ztc.emit.opa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code .manifest}: the revision is a SHA-256 over the bundle's files (not a time or a counter), so the
 * same intent always gets the same revision and any change gets a new one; {@code roots} claims
 * {@code data.ztc} so that OPA refuses a second bundle writing there.
 */
public final class BundleManifest {

    static final String ROOT = "ztc";

    private BundleManifest() {
    }

    /** {@code files} in name order (a sorted map); each contributes its name, length and bytes. */
    public static String revision(Map<String, byte[]> files) {
        MessageDigest sha = sha256();
        files.forEach((name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
        });
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** Compact, fixed key order; the revision is hex, so nothing in it needs escaping. */
    public static byte[] json(String revision) {
        return ("{\"revision\":\"" + revision + "\",\"roots\":[\"" + ROOT + "\"],\"rego_version\":1}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
