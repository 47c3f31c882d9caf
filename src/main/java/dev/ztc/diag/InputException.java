package dev.ztc.diag;

import java.util.List;
import java.util.stream.Collectors;

/** The input cannot be compiled; carries every located problem found. Exit code 2. */
public final class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public InputException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public static InputException of(SourceLocation location, ErrorCode code, String message) {
        return new InputException(List.of(Diagnostic.error(location, code, message)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
