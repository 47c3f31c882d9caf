package dev.ztc.load;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HCL input into a located tree. ztc's own parser ({@link HclParser}) decides the structure and the places,
 * and admits literals only, so HCL4j never evaluates anything; HCL4j then reads the same text as a second opinion,
 * and any disagreement is an error: a file that two HCL readers understand differently is not clear intent.
 */
final class HclReader {

    private static final Pattern HCL4J_PLACE = Pattern.compile("line: (\\d+) col: (\\d+)");

    private HclReader() {
    }

    static Node read(String file, String text) throws InputException {
        Node root = HclParser.parse(file, text);
        Map<String, Object> reference = hcl4j(file, text.startsWith("\uFEFF") ? text.substring(1) : text);
        Optional<SourceLocation> differs = disagreement(root, reference);
        if (differs.isPresent()) {
            throw InputException.of(differs.get(), ErrorCode.SYNTAX,
                    "HCL4j reads this value differently from ztc; write it in plain attribute syntax");
        }
        return root;
    }

    private static Map<String, Object> hcl4j(String file, String text) throws InputException {
        try {
            return new HCLParser().parse(text);
        } catch (Exception | StackOverflowError e) {
            // HCL4j reports some of its failures as unchecked exceptions, with the place only in the message
            String message = DocumentReader.firstLine(String.valueOf(e.getMessage()));
            Matcher place = HCL4J_PLACE.matcher(message);
            SourceLocation at = place.find()
                    ? new SourceLocation(file, Math.max(1, parse(place.group(1))), Math.max(1, parse(place.group(2))))
                    : SourceLocation.of(file);
            throw InputException.of(at, ErrorCode.SYNTAX, "HCL4j cannot read this file (" + Names.printable(message)
                    + "); write it in plain attribute syntax");
        }
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The place of the first value that HCL4j reads differently, if any. */
    static Optional<SourceLocation> disagreement(Node mine, Object theirs) {
        if (mine instanceof Node.MapNode map) {
            if (!(theirs instanceof Map<?, ?> other)) {
                return Optional.of(map.location());
            }
            if (!other.keySet().equals(map.fields().keySet())) {
                return Optional.of(map.fields().values().stream().filter(f -> !other.containsKey(f.key()))
                        .map(Node.Field::keyLocation).findFirst().orElse(map.location()));
            }
            for (Node.Field field : map.fields().values()) {
                Optional<SourceLocation> at = disagreement(field.value(), other.get(field.key()));
                if (at.isPresent()) {
                    return at;
                }
            }
            return Optional.empty();
        }
        if (mine instanceof Node.ListNode list) {
            if (!(theirs instanceof List<?> other) || other.size() != list.items().size()) {
                return Optional.of(list.location());
            }
            for (int i = 0; i < other.size(); i++) {
                Optional<SourceLocation> at = disagreement(list.items().get(i), other.get(i));
                if (at.isPresent()) {
                    return at;
                }
            }
            return Optional.empty();
        }
        Node.ScalarNode scalar = (Node.ScalarNode) mine;
        return sameScalar(scalar.value(), theirs) ? Optional.empty() : Optional.of(scalar.location());
    }

    /** HCL4j gives every number as a double; compare numbers by value, everything else exactly. */
    private static boolean sameScalar(Object mine, Object theirs) {
        if (mine instanceof Number a && theirs instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(mine, theirs);
    }
}
