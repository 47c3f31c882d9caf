package dev.ztc.core;

import dev.ztc.artifact.EmittedConditionalAccessPolicy;
import dev.ztc.emit.ca.ConditionalAccessPlan;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Conditional Access plan as the module on disk declares it, for verify's checks to judge: the policies and
 * break-glass accounts the file gives (what Terraform applies), with only what the file cannot say (a policy's
 * purpose, group and user look-ups, the compile notes, named locations' display names) taken from the plan compiled
 * in memory. A module ztc cannot read as it writes it is refused, never judged as if it were empty.
 */
final class OnDiskConditionalAccess {

    private OnDiskConditionalAccess() {
    }

    static ConditionalAccessPlan plan(Map<String, String> artifacts, ConditionalAccessPlan reference) throws IOException {
        EmittedConditionalAccessPolicy.Module module = EmittedConditionalAccessPolicy.read(artifacts);
        if (!module.problems().isEmpty()) {
            throw new IOException(String.join("; ", module.problems()) + " (edited by hand?); compile again");
        }
        Map<String, String> purposes = reference.policies().stream()
                .collect(Collectors.toMap(ConditionalAccessPlan.Policy::key, ConditionalAccessPlan.Policy::purpose, (a, b) -> a));
        Map<String, ConditionalAccessPlan.NamedLocation> named = reference.locations().stream()
                .collect(Collectors.toMap(ConditionalAccessPlan.NamedLocation::id, Function.identity(), (a, b) -> a));
        List<ConditionalAccessPlan.Policy> policies = module.policies().stream().map(p -> new ConditionalAccessPlan.Policy(
                p.key(), p.displayName(), p.state(), purposes.getOrDefault(p.key(), ""), p.applications(), p.allUsers(),
                p.includeUsers(), p.excludeUsers(), p.includeGroups(), p.excludeGroups(), p.clientAppTypes(),
                p.includeLocations(), p.excludeLocations(), p.signInRiskLevels(), p.operator(), p.controls(),
                p.signInFrequencyHours(), p.ruleIds())).toList();
        List<ConditionalAccessPlan.NamedLocation> locations = module.namedLocations().entrySet().stream()
                .map(l -> new ConditionalAccessPlan.NamedLocation(l.getKey(),
                        named.containsKey(l.getKey()) ? named.get(l.getKey()).displayName() : l.getKey(), l.getValue()))
                .toList();
        return new ConditionalAccessPlan(policies, locations, reference.groups(), reference.users(),
                module.breakGlassUserIds(), reference.notes());
    }
}
