package dev.ztc.load;

import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;

/** Reads matrix.csv into the same located tree as matrix.yaml. */
final class CsvMatrixReader {
    private CsvMatrixReader() {
    }

    static Node read(String file, String text) throws InputException {
        throw InputException.of(SourceLocation.of(file), ErrorCode.SYNTAX, "CSV input is not read yet");
    }
}
