package dev.ztc.verify.checks;

import dev.ztc.model.Action;
import dev.ztc.model.Conditions;
import dev.ztc.model.MatrixRule;

/**
 * When one rule grants everything another does: same subject and asset, a level at least as broad, and
 * conditions no stricter. Shared by the duplicate and shadowing checks.
 */
final class Shadowing {

    private Shadowing() {
    }

    /** The rule's grant and conditions as text, without places: equal keys mean duplicate rules. */
    static String key(MatrixRule rule) {
        Conditions w = rule.when();
        return rule.who().ref() + " " + rule.can().text() + " " + rule.what() + " mfa=" + w.requiresMfa() + " device="
                + w.device().orElse("") + " from=" + w.from().stream().sorted().toList() + " hours="
                + w.hours().map(Object::toString).orElse("") + " jit=" + w.jitMaxSession().map(Object::toString).orElse("")
                + " risk=" + w.maxRisk().map(Enum::name).orElse("");
    }

    /** True when {@code broad} grants at least what {@code narrow} does, under conditions no stricter. */
    static boolean covers(MatrixRule broad, MatrixRule narrow) {
        if (!broad.who().ref().equals(narrow.who().ref()) || !broad.what().equals(narrow.what())) {
            return false;
        }
        boolean admin = broad.can() instanceof Action.OfLevel l && l.level() == Action.Level.ADMIN;
        if (!admin && !broad.can().text().equals(narrow.can().text())) {
            return false;
        }
        Conditions b = broad.when();
        Conditions n = narrow.when();
        return (!b.requiresMfa() || n.requiresMfa())
                && (b.device().isEmpty() || b.device().equals(n.device()))
                && (b.from().isEmpty() || (!n.from().isEmpty() && b.from().containsAll(n.from())))
                && (b.hours().isEmpty() || b.hours().map(Object::toString).equals(n.hours().map(Object::toString)))
                && (b.jitMaxSession().isEmpty() || n.jitMaxSession().filter(d -> d.compareTo(b.jitMaxSession().get()) <= 0).isPresent())
                && (b.maxRisk().isEmpty() || n.maxRisk().filter(r -> r.compareTo(b.maxRisk().get()) <= 0).isPresent());
    }
}
