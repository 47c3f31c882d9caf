package dev.ztc.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML and JSON into a located {@link Node} tree with Jackson's streaming parser, which
 * knows the line and column of every token. Duplicate keys, YAML aliases and several documents
 * in one file are refused: each would let two readers of the same file see different intent.
 */
public final class DocumentReader {

    private static final int MAX_DEPTH = 64;

    public enum Syntax { YAML, JSON }

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(1_000_000)
            .maxNumberLength(100)
            .build();

    /**
     * SnakeYAML stops at 3 MiB of text by default; the loader's own size limit is the one users are told
     * about, so YAML is allowed as much as any other format.
     */
    private static final int MAX_YAML_CODE_POINTS = (int) ProjectLoader.MAX_FILE_BYTES;

    private final String file;
    private final JsonParser parser;
    private final Syntax syntax;

    private DocumentReader(String file, JsonParser parser, Syntax syntax) {
        this.file = file;
        this.parser = parser;
        this.syntax = syntax;
    }

    /** Parses {@code text}, naming {@code file} in locations; syntax errors become one located error. */
    public static Node read(String file, String text, Syntax syntax) throws InputException {
        JsonFactory factory = syntax == Syntax.YAML
                ? YAMLFactory.builder().loaderOptions(yamlOptions()).streamReadConstraints(LIMITS).build()
                : JsonFactory.builder().streamReadConstraints(LIMITS).build();
        try (JsonParser parser = factory.createParser(text)) {
            DocumentReader reader = new DocumentReader(file, parser, syntax);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw InputException.of(SourceLocation.of(file), ErrorCode.SYNTAX, "the file is empty");
            }
            Node root = reader.value(first, 0);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw InputException.of(reader.here(), ErrorCode.SYNTAX,
                        "only one document per file is allowed; found more after the first");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw InputException.of(locationOf(file, e.getLocation()), ErrorCode.SYNTAX, cleanMessage(e));
        } catch (IOException | RuntimeException e) {
            // Jackson and SnakeYAML signal some malformed input with unchecked exceptions.
            throw InputException.of(SourceLocation.of(file), ErrorCode.SYNTAX,
                    "cannot parse " + syntax.name() + ": " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static LoaderOptions yamlOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_YAML_CODE_POINTS);
        return options;
    }

    private Node value(JsonToken token, int depth) throws IOException, InputException {
        SourceLocation at = here();
        if (syntax == Syntax.YAML && ((YAMLParser) parser).isCurrentAlias()) {
            throw InputException.of(at, ErrorCode.SYNTAX, "YAML aliases (*name) are not supported; write the value out");
        }
        switch (token) {
            case START_OBJECT:
                return mapping(at, depth);
            case START_ARRAY:
                return sequence(at, depth);
            case VALUE_STRING:
                return new Node.ScalarNode(at, parser.getText(), parser.getText());
            case VALUE_NUMBER_INT:
                return new Node.ScalarNode(at, integer(), parser.getText());
            case VALUE_NUMBER_FLOAT:
                return new Node.ScalarNode(at, parser.getDoubleValue(), parser.getText());
            case VALUE_TRUE:
                return new Node.ScalarNode(at, Boolean.TRUE, parser.getText());
            case VALUE_FALSE:
                return new Node.ScalarNode(at, Boolean.FALSE, parser.getText());
            case VALUE_NULL:
                return new Node.ScalarNode(at, null, null);
            default:
                throw InputException.of(at, ErrorCode.SYNTAX, "unexpected " + token);
        }
    }

    private Object integer() throws IOException {
        return switch (parser.getNumberType()) {
            case INT, LONG -> parser.getLongValue();
            default -> parser.getDoubleValue();
        };
    }

    private Node mapping(SourceLocation at, int depth) throws IOException, InputException {
        Map<String, Node.Field> fields = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) {
                throw InputException.of(here(), ErrorCode.SYNTAX, "expected a key, found " + token);
            }
            String key = parser.currentName();
            SourceLocation keyAt = here();
            Node value = value(parser.nextToken(), depth + 1);
            Node.Field previous = fields.putIfAbsent(key, new Node.Field(key, keyAt, value));
            if (previous != null) {
                throw InputException.of(keyAt, ErrorCode.SYNTAX,
                        "duplicate key '" + key + "' (first at line " + previous.keyLocation().line() + ")");
            }
        }
        return new Node.MapNode(at, fields);
    }

    private Node sequence(SourceLocation at, int depth) throws IOException, InputException {
        List<Node> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(value(token, depth + 1));
        }
        return new Node.ListNode(at, items);
    }

    private SourceLocation here() {
        return locationOf(file, parser.currentTokenLocation());
    }

    private static SourceLocation locationOf(String file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourceLocation.of(file);
        }
        return new SourceLocation(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    private static String cleanMessage(JsonProcessingException e) {
        return firstLine(e.getOriginalMessage());
    }

    static String firstLine(String message) {
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }
}
