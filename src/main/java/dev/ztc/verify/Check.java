package dev.ztc.verify;

import java.util.List;

/**
 * One verify check: a stable id ({@code ZT###}: 1xx soundness and completeness, 2xx risk, 3xx matrix hygiene,
 * 4xx external tools), the severity of its findings, a one-line summary, and the zero-trust tenet and pillar it
 * serves. Explained in {@code docs/checks/<id>.md}. Implementations are stateless.
 */
public interface Check extends CheckDeclaration {

    List<Finding> run(VerifyContext context);

    /** A finding of this check, at its own severity. */
    default Finding finding(dev.ztc.diag.SourceLocation at, List<String> ruleIds, String message, String artifact) {
        return new Finding(id(), severity(), at, ruleIds, message, artifact);
    }
}
