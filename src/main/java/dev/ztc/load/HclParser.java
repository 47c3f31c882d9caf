package dev.ztc.load;

import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import dev.ztc.load.HclLexer.Kind;
import dev.ztc.load.HclLexer.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive descent over ztc's literal subset of HCL: a body of {@code name = value} attributes and
 * {@code name { body }} blocks; values are strings, numbers, true/false/null, {@code [lists]} and
 * {@code { objects }}. A block written once is a mapping; the same block written again makes the name a list of
 * mappings (what HCL4j does too). Every node keeps the line and column of its first token.
 */
final class HclParser {

    private static final int MAX_DEPTH = 64;

    private final HclLexer lexer;
    private Token lookahead;

    private HclParser(HclLexer lexer) {
        this.lexer = lexer;
    }

    static Node parse(String file, String text) throws InputException {
        HclParser parser = new HclParser(HclLexer.of(file, text));
        Node root = parser.body(SourceLocation.of(file), Kind.EOF, 0);
        if (((Node.MapNode) root).fields().isEmpty()) {
            throw InputException.of(SourceLocation.of(file), ErrorCode.SYNTAX, "the file is empty");
        }
        return root;
    }

    /** Attributes and blocks up to {@code end}, separated by line breaks or commas. */
    private Node body(SourceLocation at, Kind end, int depth) throws InputException {
        Map<String, Node.Field> fields = new LinkedHashMap<>();
        Set<String> blocks = new HashSet<>();
        skipNewlines();
        while (peek().kind() != end) {
            Token name = expect(Kind.IDENT, "an attribute name");
            Token after = peek();
            if (after.kind() == Kind.EQUALS) {
                take();
                put(fields, new Node.Field(name.text(), name.at(), value(depth + 1)));
            } else if (after.kind() == Kind.LBRACE) {
                take();
                Node block = body(after.at(), Kind.RBRACE, nested(after, depth));
                take();
                addBlock(fields, blocks, name, block);
            } else if (after.kind() == Kind.STRING || after.kind() == Kind.IDENT) {
                throw InputException.of(after.at(), ErrorCode.SYNTAX, "blocks with labels are not part of ztc's input; "
                        + "write " + name.text() + " = [{ id = \"" + Names.printable(after.text()) + "\", ... }] instead");
            } else {
                throw unexpected(after, "'=' or '{' after '" + Names.printable(name.text()) + "'");
            }
            separator(end);
        }
        return new Node.MapNode(at, fields);
    }

    /** Repeating a block makes a list of its bodies; the list sits where the name was first written. */
    private static void addBlock(Map<String, Node.Field> fields, Set<String> blocks, Token name, Node block)
            throws InputException {
        Node.Field previous = fields.get(name.text());
        if (previous == null) {
            fields.put(name.text(), new Node.Field(name.text(), name.at(), block));
            blocks.add(name.text());
            return;
        }
        if (!blocks.contains(name.text())) {
            throw duplicate(name, previous);
        }
        List<Node> items = new ArrayList<>();
        if (previous.value() instanceof Node.ListNode list) {
            items.addAll(list.items());
        } else {
            items.add(previous.value());
        }
        items.add(block);
        fields.put(name.text(), new Node.Field(name.text(), previous.keyLocation(), new Node.ListNode(previous.keyLocation(), items)));
    }

    private void put(Map<String, Node.Field> fields, Node.Field field) throws InputException {
        Node.Field previous = fields.putIfAbsent(field.key(), field);
        if (previous != null) {
            throw duplicate(new Token(Kind.IDENT, field.key(), field.keyLocation()), previous);
        }
    }

    private static InputException duplicate(Token name, Node.Field previous) {
        return InputException.of(name.at(), ErrorCode.SYNTAX, "duplicate key '" + Names.printable(name.text())
                + "' (first at line " + previous.keyLocation().line() + ")");
    }

    private Node value(int depth) throws InputException {
        Token token = take();
        return switch (token.kind()) {
            case STRING -> new Node.ScalarNode(token.at(), token.text(), token.text());
            case NUMBER -> new Node.ScalarNode(token.at(), number(token), token.text());
            case IDENT -> keyword(token);
            case LBRACKET -> list(token, nested(token, depth));
            case LBRACE -> object(token, nested(token, depth));
            default -> throw unexpected(token, "a value");
        };
    }

    private static Node keyword(Token token) throws InputException {
        return switch (token.text()) {
            case "true" -> new Node.ScalarNode(token.at(), Boolean.TRUE, token.text());
            case "false" -> new Node.ScalarNode(token.at(), Boolean.FALSE, token.text());
            case "null" -> new Node.ScalarNode(token.at(), null, null);
            default -> throw InputException.of(token.at(), ErrorCode.SYNTAX, "'" + Names.printable(token.text())
                    + "' is not a value: ztc input takes literals only; quote text (\"" + Names.printable(token.text())
                    + "\"), and references, function calls and variables are refused");
        };
    }

    private static Object number(Token token) throws InputException {
        String raw = token.text();
        if (!raw.contains(".") && !raw.contains("e") && !raw.contains("E")) {
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException tooBig) {
                // falls through to a double, as JSON does for integers beyond 64 bits
            }
        }
        double value = Double.parseDouble(raw);
        if (Double.isInfinite(value)) {
            throw InputException.of(token.at(), ErrorCode.SYNTAX, "number " + raw + " is out of range");
        }
        return value;
    }

    private Node list(Token open, int depth) throws InputException {
        List<Node> items = new ArrayList<>();
        skipNewlines();
        while (peek().kind() != Kind.RBRACKET) {
            items.add(value(depth));
            skipNewlines();
            if (peek().kind() == Kind.COMMA) {
                take();
                skipNewlines();
            } else if (peek().kind() != Kind.RBRACKET) {
                throw unexpected(peek(), "',' or ']'");
            }
        }
        take();
        return new Node.ListNode(open.at(), items);
    }

    /** {@code { key = value, "key" : value }}: keys are names or quoted strings, separated by commas or line breaks. */
    private Node object(Token open, int depth) throws InputException {
        Map<String, Node.Field> fields = new LinkedHashMap<>();
        skipNewlines();
        while (peek().kind() != Kind.RBRACE) {
            Token key = take();
            if (key.kind() != Kind.IDENT && key.kind() != Kind.STRING) {
                throw unexpected(key, "a key");
            }
            Token assign = take();
            if (assign.kind() != Kind.EQUALS && assign.kind() != Kind.COLON) {
                throw unexpected(assign, "'=' after '" + Names.printable(key.text()) + "'");
            }
            put(fields, new Node.Field(key.text(), key.at(), value(depth)));
            separator(Kind.RBRACE);
        }
        take();
        return new Node.MapNode(open.at(), fields);
    }

    /** After an item: a comma or line break, or the closing token right away. */
    private void separator(Kind end) throws InputException {
        Token token = peek();
        if (token.kind() == Kind.COMMA || token.kind() == Kind.NEWLINE) {
            take();
            skipNewlines();
        } else if (token.kind() != end) {
            throw unexpected(token, "a line break, ',' or " + describe(end));
        }
    }

    private int nested(Token open, int depth) throws InputException {
        if (depth + 1 > MAX_DEPTH) {
            throw InputException.of(open.at(), ErrorCode.SYNTAX, "nested more than " + MAX_DEPTH + " levels deep");
        }
        return depth + 1;
    }

    private Token expect(Kind kind, String what) throws InputException {
        Token token = take();
        if (token.kind() != kind) {
            throw unexpected(token, what);
        }
        return token;
    }

    private static InputException unexpected(Token token, String expected) {
        String found = switch (token.kind()) {
            case EOF -> "the end of the file";
            case NEWLINE -> "a line break";
            case STRING -> "a string";
            default -> "'" + Names.printable(token.text()) + "'";
        };
        return InputException.of(token.at(), ErrorCode.SYNTAX, "expected " + expected + ", found " + found);
    }

    private static String describe(Kind end) {
        return end == Kind.EOF ? "the end of the file" : "'}'";
    }

    private void skipNewlines() throws InputException {
        while (peek().kind() == Kind.NEWLINE) {
            take();
        }
    }

    private Token peek() throws InputException {
        if (lookahead == null) {
            lookahead = lexer.next();
        }
        return lookahead;
    }

    /** The EOF token is never consumed, so reading past the end is impossible. */
    private Token take() throws InputException {
        Token token = peek();
        if (token.kind() != Kind.EOF) {
            lookahead = null;
        }
        return token;
    }
}
