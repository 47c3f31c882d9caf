package dev.ztc.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line for a failed file operation that names the file and the cause. The JDK's file exceptions often carry
 * only the path as their message ({@code NoSuchFileException: /x}), which printed alone tells nobody what went wrong.
 */
final class IoErrors {

    private IoErrors() {
    }

    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String cause = f.getReason() != null ? f.getReason() : cause(f);
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + cause;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String cause(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            return "exists already (and is not a directory ztc can use)";
        } else if (e instanceof NotDirectoryException) {
            return "not a directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        return e.getClass().getSimpleName();
    }
}
