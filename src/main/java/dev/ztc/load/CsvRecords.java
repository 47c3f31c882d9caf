package dev.ztc.load;

import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: quoted cells, {@code ""} escapes, line breaks inside quotes, CRLF or LF) into
 * records whose every character knows its line and column. Hand-written rather than Jackson CSV because a
 * cell's column, and the column of each item inside a cell, must be exact for error messages.
 */
final class CsvRecords {

    /** One cell; {@code lines[i]}/{@code columns[i]} are where the i-th character of {@code text} was written. */
    record Cell(String text, SourceLocation at, boolean quoted, int[] lines, int[] columns) {

        /** Where the character at {@code index} of the text was written (the cell start for an empty cell). */
        SourceLocation at(int index) {
            return index < lines.length ? new SourceLocation(at.file(), lines[index], columns[index]) : at;
        }

        boolean isBlank() {
            return !quoted && text.isBlank();
        }
    }

    /** One record; {@code end} is where the line ended, for "too few cells" errors. */
    record Row(List<Cell> cells, SourceLocation start, SourceLocation end) {
        boolean isBlank() {
            return cells.size() == 1 && cells.get(0).isBlank();
        }
    }

    private final String file;
    private final String text;
    private final List<Diagnostic> problems;
    private int pos;
    private int line = 1;
    private int column = 1;

    private CsvRecords(String file, String text, List<Diagnostic> problems) {
        this.file = file;
        this.text = text;
        this.problems = problems;
    }

    /** All records of {@code text}; malformed quoting is added to {@code problems} and the record kept as read. */
    static List<Row> split(String file, String text, List<Diagnostic> problems) {
        CsvRecords reader = new CsvRecords(file, text, problems);
        if (text.startsWith("\uFEFF")) {
            reader.pos = 1; // a spreadsheet's byte order mark is not part of the first header cell
        }
        List<Row> rows = new ArrayList<>();
        while (reader.pos < text.length()) {
            rows.add(reader.row());
        }
        return rows;
    }

    private Row row() {
        SourceLocation start = here();
        List<Cell> cells = new ArrayList<>();
        while (true) {
            cells.add(cell());
            if (pos >= text.length()) {
                return new Row(cells, start, here());
            }
            char c = text.charAt(pos);
            if (c == ',') {
                advance();
                continue;
            }
            SourceLocation end = here();
            lineBreak();
            return new Row(cells, start, end);
        }
    }

    private Cell cell() {
        SourceLocation at = here();
        StringBuilder value = new StringBuilder();
        List<int[]> places = new ArrayList<>();
        boolean quoted = pos < text.length() && text.charAt(pos) == '"';
        if (quoted) {
            advance();
            while (true) {
                if (pos >= text.length()) {
                    problems.add(Diagnostic.error(at, ErrorCode.SYNTAX, "quoted cell is never closed (a '\"' is missing)"));
                    break;
                }
                char c = text.charAt(pos);
                if (c == '"' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    places.add(new int[] {line, column});
                    value.append('"');
                    advance();
                    advance();
                } else if (c == '"') {
                    advance();
                    break;
                } else {
                    places.add(new int[] {line, column});
                    // a line break inside quotes is part of the value; CRLF and CR read as one '\n'
                    value.append(c == '\r' ? '\n' : c);
                    if (c == '\r' || c == '\n') {
                        lineBreak();
                    } else {
                        advance();
                    }
                }
            }
        }
        boolean junkReported = false;
        while (pos < text.length() && !isCellEnd(text.charAt(pos))) {
            char c = text.charAt(pos);
            if ((quoted || c == '"') && !junkReported) {
                problems.add(Diagnostic.error(here(), ErrorCode.SYNTAX, quoted
                        ? "unexpected text after a closing quote; quote the whole cell and double the quotes inside (\"\")"
                        : "a quote inside an unquoted cell; quote the whole cell and double the quotes inside (\"\")"));
                junkReported = true;
            }
            places.add(new int[] {line, column});
            value.append(c);
            advance();
        }
        int[] lines = places.stream().mapToInt(p -> p[0]).toArray();
        int[] columns = places.stream().mapToInt(p -> p[1]).toArray();
        return new Cell(value.toString(), at, quoted, lines, columns);
    }

    private static boolean isCellEnd(char c) {
        return c == ',' || c == '\r' || c == '\n';
    }

    /** Consumes CRLF, LF or a lone CR as one line break. */
    private void lineBreak() {
        if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
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
