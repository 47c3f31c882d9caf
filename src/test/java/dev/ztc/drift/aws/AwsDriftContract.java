package dev.ztc.drift.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.Ztc;
import dev.ztc.drift.DriftItem;
import dev.ztc.drift.DriftKind;
import dev.ztc.drift.DriftReport;
import dev.ztc.drift.DriftSeverity;
import dev.ztc.drift.FieldChange;
import dev.ztc.drift.LayerDrift;
import dev.ztc.drift.LayerState;
import dev.ztc.model.EnforcementLayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ztc.model.EnforcementLayer.CLOUD_IDENTITY;
import static dev.ztc.model.EnforcementLayer.NETWORK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS drift scenario, run against any AWS emulator: an example compiled and applied reads as no drift; each
 * change made behind ztc's back afterwards is reported as exactly one item, with its kind, object, rules and field
 * diff; a group nobody declared is listed as unmanaged and does not count; an endpoint that is not there, credentials
 * for another account or a VPC that is not there make the layers unknown, never "no drift" or "all missing". Subclasses say where the emulator is and give every test an empty account.
 */
abstract class AwsDriftContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB_GROUP = "northbank-asset-payments-db";

    @TempDir
    Path temp;

    private AwsDriftScenario scenario;

    /** The emulator, emptied (or a fresh account on it) for this test. */
    abstract URI endpoint() throws Exception;

    /** Credentials for this test's account on the emulator. */
    abstract AwsCredentialsProvider credentials();

    private AwsDriftScenario applied(String example) throws Exception {
        scenario = AwsDriftScenario.applied(example, temp, endpoint(), credentials());
        return scenario;
    }

    @AfterEach
    void closeClients() {
        if (scenario != null) {
            scenario.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bank-payments", "healthcare-saas", "remote-workforce"})
    void whatWasAppliedReadsAsNoDrift(String example) throws Exception {
        AwsDriftScenario s = applied(example);
        Map<EnforcementLayer, LayerDrift> drift = s.drift();

        assertThat(drift.get(NETWORK).status()).isEqualTo(LayerDrift.Status.IN_SYNC);
        assertThat(drift.get(CLOUD_IDENTITY).status()).isEqualTo(LayerDrift.Status.IN_SYNC);
        // the VPC's default group (and its rules) is AWS's, not ztc's: listed as unmanaged, nothing else
        assertThat(drift.get(NETWORK).items()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(DriftKind.UNMANAGED);
            assertThat(i.key()).matches("default(\\|.*)?");
        });
        assertThat(drift.get(CLOUD_IDENTITY).items()).isEmpty();
        assertThat(drift.get(NETWORK).intended()).isEqualTo((int) s.intended().stream().filter(o -> o.layer() == NETWORK).count())
                .isPositive();
        assertThat(drift.get(CLOUD_IDENTITY).live()).isEqualTo(drift.get(CLOUD_IDENTITY).intended()).isPositive();
    }

    @Test
    void aWorldOpenRuleAddedByHandIsUnexpected() throws Exception {
        AwsDriftScenario s = applied("bank-payments");
        s.aws().ec2.authorizeSecurityGroupIngress(r -> r.groupId(s.groupIds().get(DB_GROUP))
                .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(5432).toPort(5432)
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));

        Map<EnforcementLayer, LayerDrift> drift = s.drift();

        // no provenance on the rule, so no rule (and no asset) to take a severity from: high, as for any stranger
        assertThat(judged(drift.get(NETWORK))).containsExactly(new DriftItem(NETWORK, DriftKind.UNEXPECTED,
                "security-group-rule", DB_GROUP + "|ingress|0.0.0.0/0|tcp|5432-5432", List.of(), DriftSeverity.HIGH,
                List.of(), Optional.empty()));
        assertThat(drift.get(NETWORK).status()).isEqualTo(LayerDrift.Status.DRIFTED);
        assertThat(drift.get(CLOUD_IDENTITY).items()).isEmpty();
    }

    @Test
    void aRuleRemovedIsMissing() throws Exception {
        AwsDriftScenario s = applied("bank-payments");
        String db = s.groupIds().get(DB_GROUP);
        // revoked as EC2 describes it (owner and description included), the way the console removes a rule
        IpPermission rule = s.aws().ec2.describeSecurityGroups(r -> r.groupIds(db)).securityGroups().get(0).ipPermissions().get(0);
        assertThat(rule.userIdGroupPairs()).extracting(UserIdGroupPair::groupId).containsExactly(s.groupIds().get("northbank-svc-payments-api"));
        s.aws().ec2.revokeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(rule));

        // PAY-DB-1 protects payments-db, which is restricted
        assertThat(judged(s.drift().get(NETWORK))).containsExactly(new DriftItem(NETWORK, DriftKind.MISSING,
                "security-group-rule", DB_GROUP + "|ingress|sg:northbank-svc-payments-api|tcp|5432-5432",
                List.of("PAY-DB-1"), DriftSeverity.CRITICAL, List.of(), Optional.empty()));
    }

    @Test
    void aPolicyWidenedByANewDefaultVersionIsChanged() throws Exception {
        AwsDriftScenario s = applied("bank-payments");
        String original = s.artifacts().get("terraform/modules/iam/policies/payments-api-1.json");
        ObjectNode widened = (ObjectNode) JSON.readTree(original);
        ((ArrayNode) widened.get("Statement").get(1).get("Action")).add("kms:CreateGrant");
        s.aws().iam.createPolicyVersion(r -> r.policyArn(s.policyArns().get("payments-api-1"))
                .policyDocument(widened.toString()).setAsDefault(true));

        Map<EnforcementLayer, LayerDrift> drift = s.drift();

        assertThat(judged(drift.get(CLOUD_IDENTITY))).containsExactly(new DriftItem(CLOUD_IDENTITY, DriftKind.CHANGED,
                "iam-policy", "payments-api-1", List.of("PAY-KMS-1", "PAY-KMS-2", "PAY-SECRET-1"), DriftSeverity.CRITICAL,
                List.of(new FieldChange("document", PolicyDocuments.canonical(original), PolicyDocuments.canonical(widened.toString()))),
                Optional.empty()));
        assertThat(PolicyDocuments.canonical(widened.toString())).contains("\"kms:CreateGrant\",\"kms:Decrypt\"");
        assertThat(drift.get(NETWORK).status()).isEqualTo(LayerDrift.Status.IN_SYNC);
    }

    @Test
    void aTrustPolicyChangedIsChanged() throws Exception {
        AwsDriftScenario s = applied("bank-payments");
        String wider = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ZtcWorkloadTrust\",\"Effect\":\"Allow\","
                + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":[\"ec2.amazonaws.com\",\"lambda.amazonaws.com\"]}}]}";
        s.aws().iam.updateAssumeRolePolicy(r -> r.roleName("payments-api").policyDocument(wider));

        String intended = "{\"Statement\":[{\"Action\":[\"sts:AssumeRole\"],\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[\"ec2.amazonaws.com\"]},\"Sid\":\"ZtcWorkloadTrust\"}],\"Version\":\"2012-10-17\"}";
        assertThat(judged(s.drift().get(CLOUD_IDENTITY))).containsExactly(new DriftItem(CLOUD_IDENTITY, DriftKind.CHANGED,
                "iam-role", "payments-api", List.of("PAY-KMS-1", "PAY-KMS-2", "PAY-SECRET-1"), DriftSeverity.CRITICAL,
                List.of(new FieldChange("trust", intended, intended.replace("\"ec2.amazonaws.com\"",
                        "\"ec2.amazonaws.com\",\"lambda.amazonaws.com\""))), Optional.empty()));
    }

    @Test
    void aPolicyDetachedChangesItsRole() throws Exception {
        AwsDriftScenario s = applied("bank-payments");
        s.aws().iam.detachRolePolicy(r -> r.roleName("payments-api").policyArn(s.policyArns().get("payments-api-1")));

        assertThat(judged(s.drift().get(CLOUD_IDENTITY))).containsExactly(new DriftItem(CLOUD_IDENTITY, DriftKind.CHANGED,
                "iam-role", "payments-api", List.of("PAY-KMS-1", "PAY-KMS-2", "PAY-SECRET-1"), DriftSeverity.CRITICAL,
                List.of(new FieldChange("policies", "payments-api-1", "")), Optional.empty()));
    }

    @Test
    void aGroupNobodyDeclaredIsUnmanagedAndDoesNotCount() throws Exception {
        AwsDriftScenario s = applied("bank-payments");
        s.aws().ec2.createSecurityGroup(r -> r.groupName("legacy-bastion").description("made by hand").vpcId(s.vpc()));

        LayerDrift network = s.drift().get(NETWORK);

        assertThat(network.status()).isEqualTo(LayerDrift.Status.IN_SYNC);
        assertThat(network.items()).filteredOn(i -> i.key().startsWith("legacy-bastion")).isNotEmpty()
                .allSatisfy(i -> {
                    assertThat(i.kind()).isEqualTo(DriftKind.UNMANAGED);
                    assertThat(i.severity()).isEqualTo(DriftSeverity.LOW);
                    assertThat(i.counts()).isFalse();
                })
                .extracting(DriftItem::objectId).contains("security-group:legacy-bastion");
    }

    @Test
    void anEndpointThatIsNotThereIsUnknownNeverNoDrift() throws Exception {
        AwsDriftScenario s = applied("bank-payments");
        URI nowhere = URI.create("http://127.0.0.1:" + freePort());
        AwsSource source = new AwsSource(s.project(), Optional.of(nowhere), Duration.ofSeconds(2), AwsSource.PAGE_SIZE,
                credentials());

        List<LayerState> states = source.read();

        assertThat(states).extracting(LayerState::layer).containsExactly(NETWORK, CLOUD_IDENTITY);
        assertThat(states).allSatisfy(state -> {
            assertThat(state.objects()).isEmpty();
            assertThat(state.unreadable()).hasValueSatisfying(why -> assertThat(why).contains(nowhere.toString()));
        });
        Map<EnforcementLayer, LayerDrift> drift = s.compare(states);
        assertThat(drift.values()).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(LayerDrift.Status.UNKNOWN);
            assertThat(l.items()).isEmpty();
        });
        assertThat(new DriftReport("northbank", "r", Instant.EPOCH, List.copyOf(drift.values())).exitCode()).isEqualTo(2);
    }

    @Test
    void credentialsForAnotherAccountThanTheInventorysAreUnreadableNotAllMissing() throws Exception {
        AwsDriftScenario s = applied("bank-payments");
        // the example as shipped names account 111122223333, which is not the emulator's
        ResolvedProject shipped = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/bank-payments"));

        List<LayerState> states = new AwsSource(shipped, Optional.of(s.endpoint()), Duration.ofSeconds(10), AwsSource.PAGE_SIZE,
                credentials()).read();

        assertThat(states).extracting(LayerState::unreadable).containsOnly(Optional.of("the credentials are for AWS account "
                + s.aws().account() + ", the inventory's clouds.aws.account_id is 111122223333"));
    }

    @Test
    void aVpcThatIsNotThereLeavesTheNetworkUnknown() throws Exception {
        AwsDriftScenario s = applied("bank-payments");
        Path project = Fixtures.copy(s.project().project().directory(), temp.resolve("no-vpc"));
        Path inventory = project.resolve("inventory.yaml");
        Files.writeString(inventory, Files.readString(inventory).replace(s.vpc(), "vpc-0123456789abcdef0"));

        List<LayerState> states = new AwsSource(Ztc.loadAndCheck(project), Optional.of(s.endpoint()), Duration.ofSeconds(10),
                AwsSource.PAGE_SIZE, credentials()).read();

        assertThat(states.get(0).unreadable()).contains("EC2: no VPC vpc-0123456789abcdef0 in eu-central-1"
                + " (clouds.aws.vpc_id and region in the inventory)");
        assertThat(states.get(1).unreadable()).isEmpty();
        assertThat(states.get(1).objects()).isNotEmpty();
    }

    /** The items that judge drift: unmanaged objects (the VPC's default group) are listed, never judged. */
    private static List<DriftItem> judged(LayerDrift layer) {
        return layer.items().stream().filter(i -> i.kind() != DriftKind.UNMANAGED).toList();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
