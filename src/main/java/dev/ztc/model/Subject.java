package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.Locale;

/** {@code group:finance-analysts}, {@code service:payments-api}, ... as written in {@code who}. */
public record Subject(Kind kind, String id, SourceLocation at) {

    public enum Kind {
        GROUP, USER, SERVICE, SEGMENT, LOCATION;

        public String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** People sign in; workloads and networks do not. */
        public boolean isPeople() {
            return this == GROUP || this == USER;
        }
    }

    public String ref() {
        return kind.prefix() + ":" + id;
    }

    @Override
    public String toString() {
        return ref();
    }
}
