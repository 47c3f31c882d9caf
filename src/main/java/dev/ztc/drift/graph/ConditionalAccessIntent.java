package dev.ztc.drift.graph;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.ztc.artifact.EmittedConditionalAccessPolicy;
import dev.ztc.check.ResolvedProject;
import dev.ztc.drift.StateObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workforce layer's intended side: the Conditional Access policies and named locations of the compiled
 * {@code terraform/modules/conditional-access}, as Graph will hold them once Terraform applied the module. So the
 * module's own mapping is replayed here: {@code all_users} becomes {@code All}, the break-glass accounts join every
 * policy's excluded users, a policy's locations are sent only when it includes some, and {@code state = var.state}
 * takes the module variable's default (the root module passes {@code null} unless the user sets it).
 */
public final class ConditionalAccessIntent {

    private ConditionalAccessIntent() {
    }

    /**
     * @param artifacts output-relative path → text, as the compiled output directory holds them
     * @return no objects when ztc wrote no Conditional Access module
     * @throws IOException when the module is there but cannot be read as ztc writes it (a hand edit, a damaged file)
     */
    public static List<StateObject> intended(ResolvedProject project, Map<String, String> artifacts) throws IOException {
        EmittedConditionalAccessPolicy.Module module = EmittedConditionalAccessPolicy.read(artifacts);
        if (!module.present()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>(module.problems());
        String defaultState = defaultState(artifacts.get(EmittedConditionalAccessPolicy.VARIABLES), problems);
        if (!problems.isEmpty()) {
            throw new IOException(String.join("; ", problems));
        }
        ConditionalAccessNames names = new ConditionalAccessNames(project);
        List<String> breakGlass = module.breakGlassUserIds().stream().map(DirectoryIds::unmapped).toList();
        List<StateObject> out = new ArrayList<>();
        for (EmittedConditionalAccessPolicy p : module.policies()) {
            List<String> includeUsers = new ArrayList<>(p.includeUsers());
            if (p.allUsers()) {
                includeUsers.add("All");
            }
            List<String> excludeUsers = new ArrayList<>(breakGlass);
            excludeUsers.addAll(p.excludeUsers());
            boolean locations = !p.includeLocations().isEmpty();
            String state = p.state().startsWith("var.") ? defaultState : p.state();
            out.add(new ConditionalAccessObjects.Policy(p.displayName(), state, p.applications(), includeUsers,
                    excludeUsers, p.includeGroups(), p.excludeGroups(), p.clientAppTypes(), p.includeLocations(),
                    locations ? p.excludeLocations() : List.of(), p.signInRiskLevels(), p.operator(), p.controls(),
                    p.signInFrequencyHours()).object(true, p.ruleIds()));
        }
        module.namedLocations().forEach((id, cidrs) -> {
            String name = names.location(id);
            out.add(ConditionalAccessObjects.namedLocation(name, cidrs, true, names.locationRuleIds(name)));
        });
        return out;
    }

    /** {@code variable "state" { default = "..." }} of the module's variables.tf. */
    private static String defaultState(String variables, List<String> problems) {
        String where = EmittedConditionalAccessPolicy.VARIABLES;
        if (variables == null) {
            problems.add(where + " is missing");
            return "";
        }
        try {
            Object variable = ((Map<?, ?>) new HCLParser().parse(variables).getOrDefault("variable", Map.of())).get("state");
            if (variable instanceof Map<?, ?> body && body.get("default") instanceof String state) {
                return state;
            }
            problems.add(where + ": variable \"state\" has no default");
        } catch (Exception e) {
            problems.add(where + " cannot be parsed: " + e.getMessage());
        }
        return "";
    }
}
