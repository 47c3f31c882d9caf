package dev.ztc.emit.opa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The built-in files under {@code templates/opa/}, shipped in the jar as {@code ztc/templates/opa/}. The one
 * place they are read, so that the user template directory (--templates) can be routed through here.
 */
final class OpaTemplates {

    private OpaTemplates() {
    }

    /** {@code name} relative to templates/opa, e.g. "policy.rego" or "pep/nginx.conf"; "\n" line ends. */
    static String read(String name) {
        if (name.contains("..") || name.startsWith("/")) {
            throw new IllegalArgumentException("template names stay inside templates/opa: " + name);
        }
        String resource = "/ztc/templates/opa/" + name;
        try (InputStream in = OpaTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in template missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
