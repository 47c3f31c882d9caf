package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.List;

/**
 * The least-privilege matrix: default deny, each rule grants. {@code unbound}: the references of rules that did not
 * bind, kept only so that every problem of a run is reported together.
 */
public record Matrix(int version, List<MatrixRule> rules, SourceLocation at, List<UnboundRule> unbound) {
    public Matrix {
        rules = List.copyOf(rules);
        unbound = List.copyOf(unbound);
    }

    public Matrix(int version, List<MatrixRule> rules, SourceLocation at) {
        this(version, rules, at, List.of());
    }
}
