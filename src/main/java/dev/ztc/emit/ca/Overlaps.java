package dev.ztc.emit.ca;

import dev.ztc.check.ResolvedProject;
import dev.ztc.ir.WorkforceIdentityLayer;
import dev.ztc.model.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Conditional Access requires every applicable policy, while the matrix ORs its rules: a person in two
 * granted groups must meet both grants' controls. Safe, but surprising; the compile summary says where.
 */
final class Overlaps {

    private Overlaps() {
    }

    static List<String> of(ResolvedProject project, WorkforceIdentityLayer.App app) {
        List<String> notes = new ArrayList<>();
        List<WorkforceIdentityLayer.Grant> grants = app.grants();
        for (int i = 0; i < grants.size(); i++) {
            for (int j = i + 1; j < grants.size(); j++) {
                WorkforceIdentityLayer.Grant a = grants.get(i);
                WorkforceIdentityLayer.Grant b = grants.get(j);
                Set<String> people = sharedPeople(project, a, b);
                if (!people.isEmpty()) {
                    notes.add(app.assetId() + ": " + String.join(", ", people) + " must meet both '" + a.key() + "' ("
                            + String.join(", ", a.ruleIds()) + ") and '" + b.key() + "' (" + String.join(", ", b.ruleIds())
                            + "): Conditional Access requires every policy that applies, the matrix only one rule");
                }
            }
        }
        return notes;
    }

    /** Inventory users who fall under both grants, by group membership or by name. */
    private static Set<String> sharedPeople(ResolvedProject project, WorkforceIdentityLayer.Grant a,
                                            WorkforceIdentityLayer.Grant b) {
        Set<String> out = new TreeSet<>();
        for (User user : project.users().values()) {
            if (covers(a, user) && covers(b, user)) {
                out.add("user:" + user.id());
            }
        }
        return out;
    }

    private static boolean covers(WorkforceIdentityLayer.Grant grant, User user) {
        return grant.users().contains(user.id()) || user.groups().stream().anyMatch(grant.groups()::contains);
    }
}
