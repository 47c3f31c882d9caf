package dev.ztc.drift.tfstate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.Ztc;
import dev.ztc.drift.CompiledExample;
import dev.ztc.drift.DriftComparison;
import dev.ztc.drift.DriftItem;
import dev.ztc.drift.DriftKind;
import dev.ztc.drift.FieldChange;
import dev.ztc.drift.LayerDrift;
import dev.ztc.drift.LayerState;
import dev.ztc.drift.StateObject;
import dev.ztc.drift.aws.AwsIntent;
import dev.ztc.drift.aws.PolicyDocuments;
import dev.ztc.drift.graph.ConditionalAccessIntent;
import dev.ztc.model.EnforcementLayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * TerraformStateSource on states as {@code terraform show -json} writes them: remote-workforce's applied
 * Conditional Access module (written from the compiled output) reads as intended, and edits to it show as drift;
 * a small hand-written network and IAM state reads into exactly the objects the AWS source would give; files that
 * are not a state leave every layer unknown, with where and why.
 *
 * <p>The network and IAM objects are asserted one by one, and those the hand-written state shares with bank-payments'
 * compiled modules are compared with {@code AwsIntent.intended}: both sides must share one normal form.
 */
class TerraformStateSourceTest {

    private static final String HR_REQUIRE = "ztc-remotico-hr-portal-10-require-mfa_2b_device-corporate_2b_risk-low";
    private static final String GITHUB_BLOCK = "ztc-remotico-github-enterprise-00-block-unlisted";
    private static final String MAIL_RISK = "ztc-remotico-m365-mail-30-block-risk-mfa_2b_risk-medium";
    private static final String POLICY = "azuread_conditional_access_policy";

    @TempDir
    static Path shared;
    @TempDir
    Path temp;
    private static CompiledExample example;
    private static List<StateObject> intended;

    @BeforeAll
    static void compile() throws Exception {
        example = CompiledExample.of("remote-workforce", shared, inventory -> inventory
                .replaceAll(",\\s*azure_group_id: \"a1b2c3d4-0002-[^\"]*\"", ""));
        intended = ConditionalAccessIntent.intended(example.project(), example.artifacts());
    }

    @Test
    void theAppliedConditionalAccessModuleReadsAsIntended() throws Exception {
        List<LayerState> live = read(state().json());

        assertThat(live).extracting(LayerState::layer).containsExactly(EnforcementLayer.WORKFORCE_IDENTITY);
        LayerDrift drift = compare(live);
        assertThat(drift.unknownBecause()).isEmpty();
        assertThat(drift.items()).isEmpty();
        assertThat(drift.live()).isEqualTo(drift.intended()).isEqualTo(14);
    }

    @Test
    void editsToTheStateShowAsDrift() throws Exception {
        AzureadState state = state();
        state.resource(POLICY, HR_REQUIRE).put("state", "disabled");
        ArrayNode excluded = (ArrayNode) state.resource(POLICY, GITHUB_BLOCK).path("conditions").path(0).path("users").path(0)
                .path("excluded_groups");
        excluded.removeAll().add("a1b2c3d4-0004-4e5f-8a9b-0c1d2e3f4a5b"); // contractors only: engineers are gone
        state.remove(POLICY, MAIL_RISK);
        state.addPolicy("helpdesk", "ztc-remotico-hr-portal-40-allow-helpdesk", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");
        state.addPolicy("security", "Require MFA for admins (security team)", "All");

        LayerDrift drift = compare(read(state.json()));

        assertThat(drift.items()).extracting(DriftItem::kind, DriftItem::objectId).containsExactly(
                tuple(DriftKind.MISSING, "ca-policy:ztc-remotico-m365-mail-30-block-risk-mfa+risk-medium"),
                tuple(DriftKind.UNEXPECTED, "ca-policy:ztc-remotico-hr-portal-40-allow-helpdesk"),
                tuple(DriftKind.CHANGED, "ca-policy:ztc-remotico-hr-portal-10-require-mfa+device-corporate+risk-low"),
                tuple(DriftKind.CHANGED, "ca-policy:ztc-remotico-github-enterprise-00-block-unlisted"),
                tuple(DriftKind.UNMANAGED, "ca-policy:Require MFA for admins (security team)"));
        assertThat(drift.items().get(1).ruleIds()).containsExactly("HR-1");
        assertThat(drift.items().get(2).changes())
                .containsExactly(new FieldChange("state", "enabledForReportingButNotEnforced", "disabled"));
        assertThat(drift.items().get(3).changes())
                .containsExactly(new FieldChange("exclude_groups", "contractors,engineers", "contractors"));
    }

    @Test
    void networkAndIamResourcesReadAsTheAwsSourceWouldGiveThem() throws Exception {
        ResolvedProject northbank = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/bank-payments"));
        Path file = Fixtures.repo().resolve("src/test/resources/drift/tfstate/northbank-network-iam.json");

        List<LayerState> live = new TerraformStateSource(file, northbank).read();

        assertThat(live).extracting(LayerState::layer).containsExactly(EnforcementLayer.NETWORK, EnforcementLayer.CLOUD_IDENTITY);
        assertThat(live).allSatisfy(l -> assertThat(l.unreadable()).isEmpty());
        String db = "northbank-asset-payments-db";
        String api = "northbank-svc-payments-api";
        assertThat(live.get(0).objects()).containsExactlyInAnyOrder(
                group(db, "ztc micro-segment of asset:payments-db in segment data"),
                group(api, "ztc micro-segment of service:payments-api in segment payments"),
                rule(db + "|ingress|sg:" + api + "|tcp|5432-5432", "ztc: PAY-DB-1", List.of("PAY-DB-1")),
                rule(api + "|egress|sg:" + db + "|tcp|5432-5432", "ztc: PAY-DB-1", List.of("PAY-DB-1")),
                // only in the refreshed group's own ingress list: added in the console, ztc's group, so ztc's to judge
                rule(db + "|ingress|0.0.0.0/0|tcp|5432-5432", "temporary: debugging from home", List.of()));
        String ec2Trust = "{\"Statement\":[{\"Action\":[\"sts:AssumeRole\"],\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[\"ec2.amazonaws.com\"]},\"Sid\":\"ZtcWorkloadTrust\"}],\"Version\":\"2012-10-17\"}";
        assertThat(live.get(1).objects()).containsExactlyInAnyOrder(
                new StateObject(EnforcementLayer.CLOUD_IDENTITY, "iam-role", "payments-api",
                        Map.of("trust", ec2Trust, "max_session_duration", "3600", "policies", "payments-api-1"), true, List.of("PAY-KMS-1")),
                new StateObject(EnforcementLayer.CLOUD_IDENTITY, "iam-policy", "payments-api-1", Map.of("document",
                        "{\"Statement\":[{\"Action\":[\"kms:Decrypt\",\"kms:DescribeKey\"],\"Effect\":\"Allow\",\"Resource\":"
                                + "[\"arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"],"
                                + "\"Sid\":\"PAYKMS1Read\"}],\"Version\":\"2012-10-17\"}"), true, List.of("PAY-KMS-1")),
                new StateObject(EnforcementLayer.CLOUD_IDENTITY, "iam-role", "OrganizationAccountAccessRole", Map.of("trust",
                        "{\"Statement\":[{\"Action\":[\"sts:AssumeRole\"],\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                                + "[\"arn:aws:iam::999988887777:root\"]}}],\"Version\":\"2012-10-17\"}",
                        "max_session_duration", "3600", "policies", "AdministratorAccess"), false, List.of()));
        // the trust as Terraform's data source renders it (pretty, single strings, its own key order) is the same
        // document canonically: what the intended side builds from the module compares equal to what the role holds
        String rendered = new ObjectMapper().readTree(Files.readString(file)).path("values").path("root_module")
                .path("child_modules").path(1).path("resources").path(0).path("values").path("json").asText();
        assertThat(rendered).contains("\"Action\": \"sts:AssumeRole\"");
        assertThat(PolicyDocuments.canonical(rendered)).isEqualTo(ec2Trust);
    }

    @Test
    void theStatesNetworkAndIamObjectsAreInTheNormalFormTheAwsIntentBuilds() throws Exception {
        // bank-payments compiled, and the hand-written state of a part of it applied: every ztc object the state
        // holds that the intent also names must compare equal field by field, or drift from a state would be noise
        CompiledExample bank = CompiledExample.of("bank-payments", temp, inventory -> inventory);
        Map<String, StateObject> wanted = new java.util.TreeMap<>();
        AwsIntent.intended(bank.project(), bank.artifacts()).forEach(o -> wanted.put(o.id(), o));
        List<StateObject> live = new TerraformStateSource(
                Fixtures.repo().resolve("src/test/resources/drift/tfstate/northbank-network-iam.json"), bank.project())
                .read().stream().flatMap(l -> l.objects().stream()).toList();

        List<StateObject> shared = live.stream().filter(o -> wanted.containsKey(o.id())).toList();
        assertThat(shared).extracting(StateObject::id).containsExactlyInAnyOrder(
                "security-group:northbank-asset-payments-db", "security-group:northbank-svc-payments-api",
                "security-group-rule:northbank-asset-payments-db|ingress|sg:northbank-svc-payments-api|tcp|5432-5432",
                "security-group-rule:northbank-svc-payments-api|egress|sg:northbank-asset-payments-db|tcp|5432-5432",
                "iam-policy:payments-api-1", "iam-role:payments-api");
        for (StateObject object : shared) {
            StateObject intended = wanted.get(object.id());
            if (object.kind().equals("iam-role")) {
                // the state attaches one of the role's policies only: everything else about the role agrees
                assertThat(object.fields().get("trust")).isEqualTo(intended.fields().get("trust"));
                assertThat(object.fields().get("max_session_duration")).isEqualTo(intended.fields().get("max_session_duration"));
            } else if (object.kind().equals("iam-policy")) {
                // the state's policy holds one of the intended statements: canonically, that statement is identical
                ObjectMapper json = new ObjectMapper();
                List<com.fasterxml.jackson.databind.JsonNode> intendedStatements = new java.util.ArrayList<>();
                json.readTree(intended.fields().get("document")).path("Statement").forEach(intendedStatements::add);
                com.fasterxml.jackson.databind.JsonNode statements = json.readTree(object.fields().get("document")).path("Statement");
                assertThat(statements).isNotEmpty();
                statements.forEach(st -> assertThat(intendedStatements).contains(st));
            } else {
                assertThat(object.fields()).as(object.id()).isEqualTo(intended.fields());
            }
            assertThat(object.managed()).as(object.id()).isTrue();
        }
    }

    @Test
    void malformedJsonNamesLineAndColumnForEveryLayer() throws Exception {
        List<LayerState> live = read("{\n  \"format_version\": \"1.0\",\n  \"values\": {\n    \"root_module\": [,]\n  }\n}\n");

        assertThat(live).extracting(LayerState::layer).containsExactly(EnforcementLayer.NETWORK,
                EnforcementLayer.CLOUD_IDENTITY, EnforcementLayer.WORKFORCE_IDENTITY);
        assertThat(live).allSatisfy(l -> assertThat(l.unreadable()).hasValueSatisfying(why ->
                assertThat(why).startsWith(temp.resolve("state.json") + ":4:21: not JSON: Unexpected character (',' ")));
        assertThat(compare(live).status()).isEqualTo(LayerDrift.Status.UNKNOWN);
    }

    @Test
    void aPlanARawStateAndAWrongShapeAreRefused() throws Exception {
        assertThat(why(read("{\"format_version\":\"1.2\",\"planned_values\":{},\"resource_changes\":[]}"))).contains("is a plan, not a state");
        assertThat(why(read("{\"version\":4,\"serial\":3,\"resources\":[]}")))
                .contains("$.format_version is '', not 1.x (this looks like a raw terraform.tfstate");
        assertThat(why(read("{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"child_modules\":[{\"resources\":{}}]}}}")))
                .endsWith("$.values.root_module.child_modules[0].resources is not an array");
        assertThat(why(new TerraformStateSource(temp.resolve("absent.json"), example.project()).read())).contains("cannot be read");
    }

    @Test
    void anEmptyStateSpeaksForNoLayer() throws Exception {
        assertThat(read("{\"format_version\":\"1.0\"}")).isEmpty();
    }

    private static StateObject group(String name, String description) {
        return new StateObject(EnforcementLayer.NETWORK, "security-group", name,
                Map.of("description", description, "vpc", "vpc-0abc1234"), true, List.of("PAY-DB-1"));
    }

    private static StateObject rule(String key, String description, List<String> ruleIds) {
        return new StateObject(EnforcementLayer.NETWORK, "security-group-rule", key, Map.of("description", description), true, ruleIds);
    }

    private static String why(List<LayerState> live) {
        assertThat(live).isNotEmpty().allSatisfy(l -> assertThat(l.unreadable()).isPresent());
        return live.get(0).unreadable().orElseThrow();
    }

    private AzureadState state() {
        return new AzureadState(example.project(), example.artifacts(),
                example.project().project().settings().conditionalAccessState().graphName());
    }

    private List<LayerState> read(String json) throws Exception {
        Path file = Files.writeString(temp.resolve("state.json"), json);
        return new TerraformStateSource(file, example.project()).read();
    }

    private LayerDrift compare(List<LayerState> live) {
        return new DriftComparison(example.project(), LocalDate.of(2026, 12, 4))
                .compare(EnforcementLayer.WORKFORCE_IDENTITY, intended, live);
    }
}
