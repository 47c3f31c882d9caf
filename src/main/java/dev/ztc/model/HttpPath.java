package dev.ztc.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * HTTP path normalization, the same for rules and requests: percent-decoding, dropping {@code .} and empty
 * segments, resolving {@code ..}. A path that climbs above the root, is not absolute, is not valid UTF-8
 * after decoding, encodes a separator or a dot, carries a {@code ;} parameter, or is too long has no normal
 * form and matches nothing.
 */
public final class HttpPath {

    private HttpPath() {
    }

    /** Longer paths, or paths of more segments, are refused rather than normalized: a cheap denial of service. */
    public static final int MAX_LENGTH = 2048;
    public static final int MAX_SEGMENTS = 128;

    public static Optional<String> normalize(String raw) {
        int query = indexOfAny(raw, '?', '#');
        String path = query < 0 ? raw : raw.substring(0, query);
        if (!path.startsWith("/") || path.length() > MAX_LENGTH || isAmbiguous(path)) {
            return Optional.empty();
        }
        Optional<String> decoded = percentDecode(path);
        if (decoded.isEmpty() || decoded.get().indexOf('\\') >= 0 || hasControl(decoded.get())) {
            return Optional.empty();
        }
        boolean trailingSlash = decoded.get().endsWith("/") && decoded.get().length() > 1;
        String[] parts = decoded.get().split("/");
        if (parts.length > MAX_SEGMENTS + 1) {
            return Optional.empty();
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : parts) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        String joined = "/" + String.join("/", segments);
        return Optional.of(trailingSlash && !segments.isEmpty() ? joined + "/" : joined);
    }

    /** True when normalized {@code path} is {@code base} or below it (segment-wise, so /api/fin is not under /api/finance). */
    public static boolean isUnder(String path, String base) {
        if (base.isEmpty() || base.equals("/")) {
            return true;
        }
        return path.equals(base) || path.startsWith(base + "/");
    }

    /**
     * A rule's pattern: exact (a trailing slash aside), or a prefix when it ends in {@code *}: {@code /x/*}
     * matches everything strictly below /x (not /x itself), {@code /x/report-*} every path starting so.
     */
    public static boolean matches(String pattern, String path) {
        if (pattern.endsWith("*")) {
            return path.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return path.equals(pattern) || path.equals(pattern + "/");
    }

    private static Optional<String> percentDecode(String path) {
        if (path.indexOf('%') < 0) {
            return Optional.of(path);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(path.charAt(i + 1), 16);
                int lo = Character.digit(path.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < path.length()) {
                    encoded = path.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * An encoded "/", "\" or "." and a ";" path parameter are read differently by different servers (Tomcat
     * takes "..;" for ".."; some backends never decode "%2F"): what the PDP would judge is then not what the
     * backend serves, so such paths have no normal form and match nothing.
     */
    private static boolean isAmbiguous(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.indexOf(';') >= 0;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
