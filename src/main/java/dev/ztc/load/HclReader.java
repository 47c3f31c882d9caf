package dev.ztc.load;

import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;

/** Reads HCL input into a located tree. */
final class HclReader {
    private HclReader() {
    }

    static Node read(String file, String text) throws InputException {
        throw InputException.of(SourceLocation.of(file), ErrorCode.SYNTAX, "HCL input is not read yet");
    }
}
