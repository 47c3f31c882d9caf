package dev.ztc.verify;

import dev.ztc.model.Pillar;
/**
 * What a report says about a check: its stable id, severity, summary, tenet, pillar and docs page. Split from
 * {@link Check} because plan-check's checks judge a Terraform plan, not a {@link VerifyContext}, yet are reported
 * in the same formats.
 */
public interface CheckDeclaration {

    String id();

    Severity severity();

    String summary();

    Tenet tenet();

    Pillar pillar();

    /** The docs page, relative to the repository root; SARIF's {@code helpUri}. */
    default String helpUri() {
        return "docs/checks/" + id() + ".md";
    }
}
