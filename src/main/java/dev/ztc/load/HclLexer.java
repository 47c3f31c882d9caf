package dev.ztc.load;

import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;

/**
 * Splits HCL text into the tokens of ztc's literal subset, each with its line and column. Anything that would make
 * the input code rather than data ({@code ${}} and {@code %{}} templates, heredocs, operators, function calls) stops
 * here with a located error, before any HCL evaluator sees it.
 */
final class HclLexer {

    enum Kind { IDENT, STRING, NUMBER, LBRACE, RBRACE, LBRACKET, RBRACKET, EQUALS, COLON, COMMA, NEWLINE, EOF }

    /** {@code text} is the decoded string for STRING and the source text otherwise. */
    record Token(Kind kind, String text, SourceLocation at) {
    }

    private static final int MAX_TOKEN = 1_000_000;

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int column = 1;

    private HclLexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** Tokens are made on demand, so that the parser reports a bad value where the value starts. */
    static HclLexer of(String file, String text) {
        HclLexer lexer = new HclLexer(file, text);
        if (text.startsWith("\uFEFF")) {
            lexer.pos = 1; // a byte order mark is not content
        }
        return lexer;
    }

    Token next() throws InputException {
        skipBlanksAndComments();
        SourceLocation at = here();
        if (pos >= text.length()) {
            return new Token(Kind.EOF, "", at);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '\n', '\r' -> {
                lineBreak();
                return new Token(Kind.NEWLINE, "\n", at);
            }
            case '{' -> { return single(Kind.LBRACE, at); }
            case '}' -> { return single(Kind.RBRACE, at); }
            case '[' -> { return single(Kind.LBRACKET, at); }
            case ']' -> { return single(Kind.RBRACKET, at); }
            case '=' -> {
                if (peek(1) == '=') {
                    throw expression(at, "==");
                }
                return single(Kind.EQUALS, at);
            }
            case ':' -> { return single(Kind.COLON, at); }
            case ',' -> { return single(Kind.COMMA, at); }
            case '"' -> { return string(at); }
            case '<' -> {
                if (peek(1) == '<') {
                    throw InputException.of(at, ErrorCode.SYNTAX, "heredocs (<<EOF) are not supported; write a quoted string");
                }
                throw expression(at, "<");
            }
            default -> {
                if (isDigit(c) || (c == '-' && isDigit(peek(1)))) {
                    return number(at);
                }
                if (isNameStart(c)) {
                    return identifier(at);
                }
                throw expression(at, String.valueOf(c));
            }
        }
    }

    private Token single(Kind kind, SourceLocation at) {
        advance();
        return new Token(kind, text.substring(pos - 1, pos), at);
    }

    private Token identifier(SourceLocation at) throws InputException {
        int start = pos;
        while (isNameStart(peek(0)) || isDigit(peek(0)) || peek(0) == '-') {
            advance();
        }
        checkLength(start, at);
        return new Token(Kind.IDENT, text.substring(start, pos), at);
    }

    private Token number(SourceLocation at) throws InputException {
        int start = pos;
        if (text.charAt(pos) == '-') {
            advance();
        }
        digits();
        if (peek(0) == '.' && isDigit(peek(1))) {
            advance();
            digits();
        }
        if (peek(0) == 'e' || peek(0) == 'E') {
            // HCL4j reads 1e3 as the string "e3" and 1E+3 as 3; refuse rather than let the readers disagree
            throw InputException.of(at, ErrorCode.SYNTAX, "numbers with an exponent are not supported; write the digits out");
        }
        if (pos - start > 100) {
            throw InputException.of(at, ErrorCode.SYNTAX, "number is longer than 100 characters");
        }
        if (Character.isLetterOrDigit(peek(0)) || peek(0) == '.' || peek(0) == '_') {
            throw InputException.of(here(), ErrorCode.SYNTAX, "malformed number '"
                    + Names.printable(text.substring(start, Math.min(text.length(), pos + 1))) + "'");
        }
        return new Token(Kind.NUMBER, text.substring(start, pos), at);
    }

    private void digits() {
        while (isDigit(peek(0))) {
            advance();
        }
    }

    /** A quoted string with HCL's escapes; a template sequence is refused because input is data, not code. */
    private Token string(SourceLocation at) throws InputException {
        advance();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length() || peek(0) == '\n' || peek(0) == '\r') {
                throw InputException.of(at, ErrorCode.SYNTAX, "string is not closed on the line it starts (a '\"' is missing)");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                advance();
                return new Token(Kind.STRING, value.toString(), at);
            }
            if ((c == '$' || c == '%') && peek(1) == '{') {
                throw InputException.of(here(), ErrorCode.SYNTAX, "'" + c + "{' starts an HCL template: ztc input is data, "
                        + "not code, so interpolation and directives are refused");
            }
            if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
                advance();
            }
            if (value.length() > MAX_TOKEN) {
                throw InputException.of(at, ErrorCode.SYNTAX, "string is longer than " + MAX_TOKEN + " characters");
            }
        }
    }

    private char escape() throws InputException {
        SourceLocation at = here();
        char c = peek(1);
        char decoded = switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case '"' -> '"';
            case '\\' -> '\\';
            // \\u is valid HCL but HCL4j, the cross-check, cannot read it; fail rather than disagree
            case 'u', 'U' -> throw InputException.of(at, ErrorCode.SYNTAX, "\\" + c + " escapes are not supported; write the character itself");
            default -> throw InputException.of(at, ErrorCode.SYNTAX, "unknown escape '\\" + Names.printable(String.valueOf(c))
                    + "' (use \\n, \\r, \\t, \\\" or \\\\)");
        };
        advance();
        advance();
        return decoded;
    }

    private void skipBlanksAndComments() throws InputException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') {
                advance();
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                while (pos < text.length() && peek(0) != '\n' && peek(0) != '\r') {
                    advance(); // the line break ends the comment and still separates attributes
                }
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() throws InputException {
        SourceLocation at = here();
        advance();
        advance();
        while (!(peek(0) == '*' && peek(1) == '/')) {
            if (pos >= text.length()) {
                throw InputException.of(at, ErrorCode.SYNTAX, "comment is not closed (a '*/' is missing)");
            }
            if (peek(0) == '\n' || peek(0) == '\r') {
                lineBreak();
            } else {
                advance();
            }
        }
        advance();
        advance();
    }

    private InputException expression(SourceLocation at, String found) {
        return InputException.of(at, ErrorCode.SYNTAX, "unexpected '" + Names.printable(found) + "': ztc input takes "
                + "literal values only (quoted strings, numbers, true, false, null, [lists] and { objects }), "
                + "no expressions");
    }

    private void checkLength(int start, SourceLocation at) throws InputException {
        if (pos - start > 1000) {
            throw InputException.of(at, ErrorCode.SYNTAX, "name is longer than 1000 characters");
        }
    }

    private char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
    }

    /** ASCII only: HCL4j silently drops attributes with other names, and ztc's keys are all ASCII. */
    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void lineBreak() {
        if (peek(0) == '\r' && peek(1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        column = 1;
    }

    private void advance() {
        pos++;
        column++;
    }

    private SourceLocation here() {
        return new SourceLocation(file, line, column);
    }
}
