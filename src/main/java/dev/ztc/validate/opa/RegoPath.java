package dev.ztc.validate.opa;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code normal_path} of {@code templates/opa/policy.rego}, step for step. It follows
 * {@link dev.ztc.model.HttpPath} but not to the letter, so it is not reused: the policy counts segments after
 * dropping empty ones (HttpPath before), counts characters as code points, and also refuses a path that changes
 * when normalized again (encoded twice). The Java evaluation must deny exactly what OPA denies.
 */
final class RegoPath {

    private static final Pattern AMBIGUOUS = Pattern.compile("(?i)%2f|%5c|%2e|;");
    private static final Pattern FORBIDDEN = Pattern.compile("[\\\\\\x00-\\x1f\\x7f]");
    private static final int MAX_CHARACTERS = 2048;
    private static final int MAX_SEGMENTS = 128;

    private RegoPath() {
    }

    static Optional<String> normal(String raw) {
        Optional<String> once = once(raw);
        return once.filter(p -> once(p).equals(once));
    }

    private static Optional<String> once(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String path = raw.split("[?#]", -1)[0];
        if (!path.startsWith("/") || path.codePointCount(0, path.length()) > MAX_CHARACTERS || AMBIGUOUS.matcher(path).find()) {
            return Optional.empty();
        }
        Optional<String> decoded = unescape(path);
        if (decoded.isEmpty() || FORBIDDEN.matcher(decoded.get()).find()) {
            return Optional.empty();
        }
        Deque<String> kept = new ArrayDeque<>();
        int tokens = 0;
        for (String segment : decoded.get().split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (++tokens > MAX_SEGMENTS) {
                return Optional.empty();
            }
            if (!segment.equals("..")) {
                kept.addLast(segment);
            } else if (kept.isEmpty()) {
                return Optional.empty(); // climbs above the root
            } else {
                kept.removeLast();
            }
        }
        if (kept.isEmpty()) {
            return Optional.of("/");
        }
        String joined = "/" + String.join("/", kept);
        return Optional.of(decoded.get().endsWith("/") ? joined + "/" : joined);
    }

    /** Go's {@code url.QueryUnescape} with "+" kept as a plus (the policy escapes it first), then strict UTF-8. */
    private static Optional<String> unescape(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            if (i + 2 >= raw.length || hex(raw[i + 1]) < 0 || hex(raw[i + 2]) < 0) {
                return Optional.empty();
            }
            bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** ASCII hex only, as Go reads it (Java's Character.digit would also take other scripts' digits). */
    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }
}
