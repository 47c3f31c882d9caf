package dev.ztc.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The kinds of {@code when} condition, as named in the matrix. */
public enum Condition {
    MFA, DEVICE, FROM, HOURS, JIT, RISK;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The conditions a rule's {@code when} sets, in declaration order. */
    public static List<Condition> present(Conditions when) {
        List<Condition> out = new ArrayList<>();
        if (when.requiresMfa()) {
            out.add(MFA);
        }
        if (when.device().isPresent()) {
            out.add(DEVICE);
        }
        if (!when.from().isEmpty()) {
            out.add(FROM);
        }
        if (when.hours().isPresent()) {
            out.add(HOURS);
        }
        if (when.jitMaxSession().isPresent()) {
            out.add(JIT);
        }
        if (when.maxRisk().isPresent()) {
            out.add(RISK);
        }
        return out;
    }
}
