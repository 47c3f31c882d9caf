package dev.ztc.ir;

import java.util.List;

/**
 * The intermediate representation: per enforcement layer, the compiled rules in a stable order, each
 * naming the matrix rule ids it realizes. Written as {@code ir.json}; the emitters read only this.
 */
public record Ir(int formatVersion, String organization, List<RuleSummary> rules, NetworkLayer network,
                 CloudIdentityLayer cloudIdentity, WorkforceIdentityLayer workforceIdentity,
                 ApplicationLayer application, List<Gap> gaps) {

    public static final int FORMAT_VERSION = 1;

    public Ir {
        rules = List.copyOf(rules);
        gaps = List.copyOf(gaps);
    }

    /** Provenance of one matrix rule: where it was written and which layers realize it. */
    public record RuleSummary(String id, String source, String who, String can, String what, List<String> layers) {
        public RuleSummary {
            layers = List.copyOf(layers);
        }
    }

    /** A condition of a rule that a layer realizing the rule cannot express; verify reports these. */
    public record Gap(String ruleId, String layer, String condition, String reason) {
    }
}
