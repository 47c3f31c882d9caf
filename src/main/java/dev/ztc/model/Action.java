package dev.ztc.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a rule grants or a request asks: an abstract level ({@code read}), a raw IAM action
 * ({@code s3:GetObject}), or a raw HTTP action ({@code GET /api/finance/reports/*}).
 */
public sealed interface Action {

    String text();

    record OfLevel(Level level) implements Action {
        @Override
        public String text() {
            return level.label();
        }
    }

    record RawIam(String action) implements Action {
        @Override
        public String text() {
            return action;
        }
    }

    /**
     * In a rule, {@code path} is normalized and a trailing {@code *} matches any suffix; in a request it is
     * the raw path as sent, normalized by whoever judges it.
     */
    record RawHttp(String method, String path) implements Action {
        @Override
        public String text() {
            return method + " " + path;
        }
    }

    enum Level {
        READ, LIST, WRITE, DELETE, ADMIN, CONNECT, INVOKE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Level> parse(String text) {
            for (Level level : values()) {
                if (level.label().equals(text)) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }
    }
}
