package dev.ztc.drift.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.artifact.EmittedRole;
import dev.ztc.artifact.EmittedSecurityGroup;
import dev.ztc.artifact.EmittedSecurityGroupRule;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code terraform apply} of the compiled network and IAM modules creates, done with the AWS SDK against an
 * emulator (moto, LocalStack), from the same emitted artifacts the intent is read from: the security groups with
 * ztc's names and tags (and AWS's default allow-all egress revoked, as the provider does), their rules with ztc's
 * descriptions, the roles with their trust policies, the managed policies with the emitted documents, and the
 * attachments. Test-side only; ztc itself never writes to AWS.
 */
final class AwsApply implements AutoCloseable {

    static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    private static final ObjectMapper JSON = new ObjectMapper();

    final Ec2Client ec2;
    final IamClient iam;
    private final StsClient sts;

    AwsApply(URI endpoint, String region, AwsCredentialsProvider credentials) {
        this.ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.of(region)).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.iam = IamClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.sts = StsClient.builder().endpointOverride(endpoint).region(Region.of(region)).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The emulator's account for these credentials (moto: 123456789012; LocalStack: the access key id). */
    String account() {
        return sts.getCallerIdentity().account();
    }

    String createVpc(String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    /** Group name → id of the groups created. */
    Map<String, String> applyNetwork(Map<String, String> artifacts, String vpc, String organization) {
        Map<String, String> idOfKey = new TreeMap<>();
        Map<String, String> idOfName = new TreeMap<>();
        for (EmittedSecurityGroup group : EmittedSecurityGroup.read(artifacts)) {
            List<Tag> tags = List.of(tag("Name", group.name()), tag("ztc:managed", "true"), tag("ztc:organization", organization),
                    tag("ztc:owner", group.owner()), tag("ztc:rules", String.join(" ", group.ruleIds())));
            String id = ec2.createSecurityGroup(r -> r.groupName(group.name()).description(group.description()).vpcId(vpc)
                    .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP).tags(tags).build()))
                    .groupId();
            SecurityGroup created = ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
            if (!created.ipPermissionsEgress().isEmpty()) {
                ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(created.ipPermissionsEgress()));
            }
            idOfKey.put(group.key(), id);
            idOfName.put(group.name(), id);
        }
        Map<String, String> descriptions = EmittedSecurityGroupRule.descriptions(artifacts);
        for (EmittedSecurityGroupRule rule : EmittedSecurityGroupRule.read(artifacts)) {
            String description = descriptions.get(rule.direction() + ":" + rule.key());
            IpPermission.Builder permission = IpPermission.builder().ipProtocol(rule.protocol())
                    .fromPort(rule.fromPort()).toPort(rule.toPort());
            if (!rule.peerGroup().isEmpty()) {
                permission.userIdGroupPairs(UserIdGroupPair.builder().groupId(idOfKey.get(rule.peerGroup())).description(description).build());
            } else if (rule.cidr().contains(":")) {
                permission.ipv6Ranges(Ipv6Range.builder().cidrIpv6(rule.cidr()).description(description).build());
            } else {
                permission.ipRanges(IpRange.builder().cidrIp(rule.cidr()).description(description).build());
            }
            String group = idOfKey.get(rule.group());
            if (rule.direction().equals("ingress")) {
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(permission.build()));
            } else {
                ec2.authorizeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(permission.build()));
            }
        }
        return idOfName;
    }

    /** Policy name → ARN of the policies created. */
    Map<String, String> applyIdentity(Map<String, String> artifacts, String organization) throws IOException {
        EmittedRole.Module module = EmittedRole.read(artifacts);
        if (!module.problems().isEmpty()) {
            throw new IOException(String.join("; ", module.problems()));
        }
        for (EmittedRole role : module.roles()) {
            String trust = JSON.writeValueAsString(asTerraformRenders(role.trustPolicy()));
            iam.createRole(r -> {
                r.roleName(role.name()).description(role.description()).assumeRolePolicyDocument(trust)
                        .tags(iamTag("ztc:managed", "true"), iamTag("ztc:organization", organization),
                                iamTag("ztc:principal-kind", role.principalKind()),
                                iamTag("ztc:rules", String.join(" ", role.ruleIds())));
                role.maxSessionDuration().ifPresent(r::maxSessionDuration);
            });
        }
        Map<String, String> arns = new TreeMap<>();
        for (EmittedRole.Policy policy : module.policies()) {
            String document = artifacts.get(EmittedPolicy.POLICIES + policy.file());
            String arn = iam.createPolicy(r -> r.policyName(policy.name()).description("ztc least-privilege policy of role " + policy.role())
                    .policyDocument(document).tags(iamTag("ztc:managed", "true"), iamTag("ztc:organization", organization),
                            iamTag("ztc:rules", String.join(" ", policy.ruleIds())))).policy().arn();
            iam.attachRolePolicy(r -> r.roleName(policy.role()).policyArn(arn));
            arns.put(policy.name(), arn);
        }
        return arns;
    }

    /** Terraform's aws_iam_policy_document writes a one-element list as a plain string: so does the applier. */
    static Object asTerraformRenders(Object value) {
        if (value instanceof List<?> list) {
            return list.size() == 1 && list.get(0) instanceof String s ? s : list.stream().map(AwsApply::asTerraformRenders).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, asTerraformRenders(v)));
            return out;
        }
        return value;
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static software.amazon.awssdk.services.iam.model.Tag iamTag(String key, String value) {
        return software.amazon.awssdk.services.iam.model.Tag.builder().key(key).value(value).build();
    }

    @Override
    public void close() {
        ec2.close();
        iam.close();
        sts.close();
    }
}
