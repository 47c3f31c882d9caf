package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.List;

/** A location people come from, or a micro-segment inside the VPC; CIDRs in canonical form. */
public record NamedNetwork(String id, List<String> cidrs, SourceLocation at) implements Located {
    public NamedNetwork {
        cidrs = List.copyOf(cidrs);
    }
}
