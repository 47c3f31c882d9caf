package dev.ztc.drift.aws;

import dev.ztc.drift.StateObject;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The network layer as EC2 holds it: every security group of the inventory's VPC and every rule in its ingress
 * and egress permissions, one rule object per peer (an IP permission may name several). A group is ztc's when it
 * carries ztc's tags for this organization, or, tags stripped, has ztc's name and description; every rule of such
 * a group is ztc's to judge, so a rule added there by hand is unexpected, not unmanaged. Read-only:
 * {@code DescribeSecurityGroups} only.
 */
final class SecurityGroupReader {

    /** EC2 refuses pages of fewer than 5 groups. */
    private static final int SMALLEST_PAGE = 5;

    private final Ec2Client ec2;
    private final String organization;
    private final int pageSize;

    SecurityGroupReader(Ec2Client ec2, String organization, int pageSize) {
        this.ec2 = ec2;
        this.organization = organization;
        this.pageSize = Math.max(SMALLEST_PAGE, pageSize);
    }

    List<StateObject> read(String vpc) {
        List<SecurityGroup> groups = new ArrayList<>();
        DescribeSecurityGroupsRequest request = DescribeSecurityGroupsRequest.builder()
                .filters(Filter.builder().name("vpc-id").values(vpc).build()).maxResults(pageSize).build();
        ec2.describeSecurityGroupsPaginator(request).securityGroups().forEach(groups::add);
        Map<String, String> nameOfId = new TreeMap<>();
        groups.forEach(g -> nameOfId.put(g.groupId(), g.groupName()));
        List<StateObject> out = new ArrayList<>();
        for (SecurityGroup group : groups) {
            Map<String, String> tags = tags(group.tags());
            boolean managed = owned(group, tags);
            out.add(AwsObjects.securityGroup(group.groupName(), group.description(), group.vpcId(), managed,
                    AwsObjects.ruleIdsOfTag(tags.get("ztc:rules"))));
            for (IpPermission permission : group.ipPermissions()) {
                rules(group.groupName(), "ingress", permission, nameOfId, managed, out);
            }
            for (IpPermission permission : group.ipPermissionsEgress()) {
                rules(group.groupName(), "egress", permission, nameOfId, managed, out);
            }
        }
        return out;
    }

    private boolean owned(SecurityGroup group, Map<String, String> tags) {
        if ("true".equals(tags.get("ztc:managed"))) {
            return organization.equals(tags.getOrDefault("ztc:organization", organization));
        }
        return group.groupName().startsWith(organization + "-") && group.description().startsWith("ztc ");
    }

    /** One object per peer; EC2 omits the ports of "all traffic" (-1), which read as -1 like theirs. */
    private static void rules(String group, String direction, IpPermission p, Map<String, String> nameOfId,
                              boolean managed, List<StateObject> out) {
        String protocol = p.ipProtocol();
        int from = p.fromPort() == null ? -1 : p.fromPort();
        int to = p.toPort() == null ? -1 : p.toPort();
        p.ipRanges().forEach(r -> out.add(rule(group, direction, r.cidrIp(), protocol, from, to, r.description(), managed)));
        p.ipv6Ranges().forEach(r -> out.add(rule(group, direction, r.cidrIpv6(), protocol, from, to, r.description(), managed)));
        p.prefixListIds().forEach(r -> out.add(rule(group, direction, "pl:" + r.prefixListId(), protocol, from, to,
                r.description(), managed)));
        // a peer group outside the VPC (peering, another account) has no name here: its id stands in
        p.userIdGroupPairs().forEach(r -> out.add(rule(group, direction, "sg:" + nameOfId.getOrDefault(r.groupId(), r.groupId()),
                protocol, from, to, r.description(), managed)));
    }

    private static StateObject rule(String group, String direction, String peer, String protocol, int from, int to,
                                    String description, boolean managed) {
        String text = description == null ? "" : description;
        return AwsObjects.securityGroupRule(group, direction, peer, protocol, from, to, text, managed,
                AwsObjects.ruleIdsOfDescription(text));
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}
