package dev.ztc.ir;

import java.util.List;

/** Security groups (one per workload, network-reachable asset and granted segment) and the flows between them. */
public record NetworkLayer(List<SecurityGroup> securityGroups, List<Flow> flows) {
    public NetworkLayer {
        securityGroups = List.copyOf(securityGroups);
        flows = List.copyOf(flows);
    }

    /** {@code owner} is {@code service:x}, {@code asset:x} or {@code segment:x}; {@code name} is unique and stable. */
    public record SecurityGroup(String name, String owner, String segment, List<String> ruleIds) {
        public SecurityGroup {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /**
     * Traffic allowed from a source (a security group name, or a CIDR block) to the destination asset's group.
     * {@code key} is the flow's stable identity, independent of input order, used as the Terraform for_each key.
     */
    public record Flow(String key, String sourceGroup, String sourceCidr, String destinationGroup, String protocol,
                       int fromPort, int toPort, List<String> ruleIds) {
        public Flow {
            ruleIds = List.copyOf(ruleIds);
        }
    }
}
