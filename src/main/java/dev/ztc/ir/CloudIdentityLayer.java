package dev.ztc.ir;

import java.util.List;
import java.util.Map;

/** IAM roles, one per {@code aws_role}, with least-privilege statements. */
public record CloudIdentityLayer(List<Role> roles) {
    public CloudIdentityLayer {
        roles = List.copyOf(roles);
    }

    /**
     * {@code principalKind} is {@code workload} (assumed by services) or {@code people} (federated);
     * {@code principals} the service or group/user ids; {@code maxSessionSeconds} 0 when unset;
     * {@code servicePrincipals} the AWS services a workload role trusts (from the services' {@code runs_on}),
     * {@code trustActions} what they may call on it; both empty for people roles, which federate.
     */
    public record Role(String name, String principalKind, List<String> principals, int maxSessionSeconds,
                       List<Statement> statements, List<String> ruleIds, List<String> servicePrincipals,
                       List<String> trustActions) {
        public Role {
            principals = List.copyOf(principals);
            // absent in ir.json files written before runs_on existed
            servicePrincipals = servicePrincipals == null ? List.of() : List.copyOf(servicePrincipals);
            trustActions = trustActions == null ? List.of() : List.copyOf(trustActions);
            statements = List.copyOf(statements);
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /** One statement per (asset, level, conditions); {@code conditions} is operator → key → values, sorted. */
    public record Statement(String sid, String assetId, List<String> actions, List<String> resources,
                            Map<String, Map<String, List<String>>> conditions, List<String> ruleIds) {
        public Statement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            conditions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(conditions));
            ruleIds = List.copyOf(ruleIds);
        }
    }
}
