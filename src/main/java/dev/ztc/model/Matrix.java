package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.List;

/** The least-privilege matrix: default deny, each rule grants. */
public record Matrix(int version, List<MatrixRule> rules, SourceLocation at) {
    public Matrix {
        rules = List.copyOf(rules);
    }
}
