package dev.ztc.load;

import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads matrix.csv into the same located tree as matrix.yaml, so that {@link MatrixBinder} checks a spreadsheet
 * exactly like YAML: {@code {rules: [{id, who, can, what, when: {mfa, device, from, hours}}]}}. Every scalar points
 * at its cell; an empty cell means the key is absent.
 */
final class CsvMatrixReader {

    static final List<String> REQUIRED = List.of("id", "who", "can", "what");
    static final List<String> CONDITIONS = List.of("mfa", "device", "from", "hours");

    private final String file;
    private final List<Diagnostic> problems = new ArrayList<>();

    private CsvMatrixReader(String file) {
        this.file = file;
    }

    static Node read(String file, String text) throws InputException {
        return new CsvMatrixReader(file).read(text);
    }

    private Node read(String text) throws InputException {
        List<CsvRecords.Row> rows = CsvRecords.split(file, text, problems).stream()
                .filter(row -> !row.isBlank()).toList();
        if (rows.isEmpty()) {
            throw InputException.of(SourceLocation.of(file), ErrorCode.SYNTAX,
                    "the file is empty; matrix.csv starts with the header " + String.join(",", columns()));
        }
        CsvRecords.Row header = rows.get(0);
        List<String> names = header(header);
        List<Node> rules = new ArrayList<>();
        for (CsvRecords.Row row : rows.subList(1, rows.size())) {
            rule(row, names).ifPresent(rules::add);
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.stream().sorted().toList());
        }
        SourceLocation top = SourceLocation.of(file);
        Map<String, Node.Field> root = Map.of("rules", new Node.Field("rules", header.start(), new Node.ListNode(top, rules)));
        return new Node.MapNode(top, root);
    }

    /** The column names in header order; unknown, repeated and missing required names are reported. */
    private List<String> header(CsvRecords.Row header) {
        List<String> names = new ArrayList<>();
        Map<String, SourceLocation> seen = new LinkedHashMap<>();
        for (CsvRecords.Cell cell : header.cells()) {
            String name = cell.text().strip();
            if (!columns().contains(name)) {
                problems.add(Diagnostic.error(cell.at(), ErrorCode.UNKNOWN_KEY, "unknown column '" + Names.printable(name)
                        + "' in the header" + Names.suggestion(name.toLowerCase(Locale.ROOT), columns())
                        + "; the columns are " + String.join(",", columns())));
            } else if (seen.containsKey(name)) {
                problems.add(Diagnostic.error(cell.at(), ErrorCode.UNKNOWN_KEY, "column '" + name
                        + "' appears twice in the header (first at column " + seen.get(name).column() + ")"));
            } else {
                seen.put(name, cell.at());
            }
            names.add(name);
        }
        for (String required : REQUIRED) {
            if (!seen.containsKey(required)) {
                problems.add(Diagnostic.error(header.start(), ErrorCode.MISSING_FIELD,
                        "the header is missing the required column '" + required + "'"));
            }
        }
        return names;
    }

    private Optional<Node> rule(CsvRecords.Row row, List<String> names) {
        if (row.cells().size() != names.size()) {
            boolean tooMany = row.cells().size() > names.size();
            SourceLocation at = tooMany ? row.cells().get(names.size()).at() : row.end();
            problems.add(Diagnostic.error(at, ErrorCode.SYNTAX, "row has " + row.cells().size() + " cells but the header has "
                    + names.size() + (tooMany ? "; quote cells that contain ','" : "")));
            return Optional.empty();
        }
        Map<String, Node.Field> fields = new LinkedHashMap<>();
        Map<String, Node.Field> when = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            CsvRecords.Cell cell = row.cells().get(i);
            String name = names.get(i);
            if (cell.text().isBlank() || !columns().contains(name)) {
                continue; // empty means absent; unknown columns are reported once, at the header
            }
            Map<String, Node.Field> target = CONDITIONS.contains(name) ? when : fields;
            target.putIfAbsent(name, new Node.Field(name, cell.at(), value(name, cell)));
        }
        if (!when.isEmpty()) {
            SourceLocation whenAt = when.values().iterator().next().keyLocation();
            fields.put("when", new Node.Field("when", whenAt, new Node.MapNode(whenAt, ordered(when))));
        }
        return Optional.of(new Node.MapNode(row.start(), fields));
    }

    private static Map<String, Node.Field> ordered(Map<String, Node.Field> when) {
        Map<String, Node.Field> out = new LinkedHashMap<>();
        CONDITIONS.stream().filter(when::containsKey).forEach(name -> out.put(name, when.get(name)));
        return out;
    }

    private static Node value(String name, CsvRecords.Cell cell) {
        String text = cell.text().strip();
        return switch (name) {
            case "mfa" -> new Node.ScalarNode(cell.at(), flag(text).<Object>map(b -> b).orElse(text), text);
            case "from" -> locations(cell);
            default -> new Node.ScalarNode(cell.at(), text, text);
        };
    }

    /** Spreadsheets write yes/no as often as true/false; anything else stays text so the binder reports its type. */
    private static Optional<Boolean> flag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Optional.of(Boolean.TRUE);
            case "false", "no" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /** {@code location:a; location:b} or space-separated: one scalar per item, each at its own column. */
    private static Node locations(CsvRecords.Cell cell) {
        List<Node> items = new ArrayList<>();
        String text = cell.text();
        int i = 0;
        while (i < text.length()) {
            if (isSeparator(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && !isSeparator(text.charAt(i))) {
                i++;
            }
            String item = text.substring(start, i);
            items.add(new Node.ScalarNode(cell.at(start), item, item));
        }
        return new Node.ListNode(cell.at(), items);
    }

    private static boolean isSeparator(char c) {
        return c == ';' || Character.isWhitespace(c);
    }

    static List<String> columns() {
        List<String> all = new ArrayList<>(REQUIRED);
        all.addAll(CONDITIONS);
        return all;
    }
}
