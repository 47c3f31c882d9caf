package dev.ztc.emit;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ztc.ir.CloudIdentityLayer;
import dev.ztc.ir.Ir;
import dev.ztc.ir.NetworkLayer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated Terraform, read back (HCL4j, Jackson) and compared with the IR it was emitted from. */
class TerraformEmitterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "aws", "hostile"})
    void everySecurityGroupAndFlowIsARuleWithTheIrsPortsAndPeers(String fixture) throws Exception {
        CompiledProject project = CompiledProject.of(fixture, temp);
        NetworkLayer network = project.ir().network();
        Map<String, Object> locals = locals(project, "modules/network/main.tf");

        assertThat(map(locals, "security_groups").keySet())
                .containsExactlyInAnyOrderElementsOf(network.securityGroups().stream().map(NetworkLayer.SecurityGroup::name).toList());
        Map<String, Object> fromGroups = map(locals, "ingress_from_groups");
        Map<String, Object> fromCidrs = map(locals, "ingress_from_cidrs");
        Map<String, Object> toGroups = map(locals, "egress_to_groups");
        int groupFlows = 0;
        for (NetworkLayer.Flow flow : network.flows()) {
            if (flow.sourceGroup() != null) {
                groupFlows++;
                assertRule(map(fromGroups, flow.key()), flow, flow.destinationGroup());
                assertThat(map(fromGroups, flow.key())).containsEntry("peer_group", flow.sourceGroup());
                // egress is granted exactly like ingress, on the source's group
                assertRule(map(toGroups, flow.key()), flow, flow.sourceGroup());
                assertThat(map(toGroups, flow.key())).containsEntry("peer_group", flow.destinationGroup());
            } else {
                Map<String, Object> rule = map(fromCidrs, flow.key());
                assertRule(rule, flow, flow.destinationGroup());
                boolean v6 = flow.sourceCidr().contains(":");
                assertThat(rule.get(v6 ? "cidr_ipv6" : "cidr_ipv4")).isEqualTo(flow.sourceCidr());
                assertThat(rule.get(v6 ? "cidr_ipv4" : "cidr_ipv6")).isNull();
            }
        }
        // nothing more than the IR grants
        assertThat(fromGroups).hasSize(groupFlows);
        assertThat(toGroups).hasSize(groupFlows);
        assertThat(fromCidrs).hasSize(network.flows().size() - groupFlows);
    }

    private static void assertRule(Map<String, Object> rule, NetworkLayer.Flow flow, String group) {
        assertThat(rule).containsEntry("security_group", group).containsEntry("ip_protocol", flow.protocol());
        assertThat(((Number) rule.get("from_port")).intValue()).isEqualTo(flow.fromPort());
        assertThat(((Number) rule.get("to_port")).intValue()).isEqualTo(flow.toPort());
        assertThat((String) rule.get("description")).startsWith("ztc: ").contains(flow.ruleIds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "aws", "hostile"})
    void everyPolicyDocumentHoldsExactlyTheIrStatementsOfItsRole(String fixture) throws Exception {
        CompiledProject project = CompiledProject.of(fixture, temp);
        Map<String, Object> locals = locals(project, "modules/iam/main.tf");
        Map<String, Object> roles = map(locals, "roles");
        Map<String, Object> policies = map(locals, "policies");
        int maxSize = dev.ztc.model.Settings.Quotas.DEFAULT.iamPolicySize();

        assertThat(roles.keySet()).containsExactlyInAnyOrderElementsOf(
                project.ir().cloudIdentity().roles().stream().map(CloudIdentityLayer.Role::name).toList());
        for (CloudIdentityLayer.Role role : project.ir().cloudIdentity().roles()) {
            Object session = map(roles, role.name()).get("max_session_duration");
            assertThat(session == null ? 0 : ((Number) session).intValue()).isEqualTo(role.maxSessionSeconds());
            List<JsonNode> statements = new ArrayList<>();
            for (Map.Entry<String, Object> policy : policies.entrySet()) {
                @SuppressWarnings("unchecked") Map<String, Object> p = (Map<String, Object>) policy.getValue();
                if (p.get("role").equals(role.name())) {
                    String text = project.terraform().get("modules/iam/policies/" + p.get("file"));
                    JsonNode document = JSON.readTree(text);
                    assertThat(document.get("Version").asText()).isEqualTo("2012-10-17");
                    assertThat(JSON.writeValueAsString(document).length()).isLessThanOrEqualTo(maxSize);
                    document.get("Statement").forEach(statements::add);
                }
            }
            JsonNode expected = JSON.valueToTree(PolicyPacker.document(role.statements())).get("Statement");
            assertThat(statements).containsExactlyElementsOf(toList((ArrayNode) expected));
            for (int i = 0; i < role.statements().size(); i++) {
                CloudIdentityLayer.Statement s = role.statements().get(i);
                JsonNode st = statements.get(i);
                assertThat(st.get("Sid").asText()).isEqualTo(s.sid());
                assertThat(st.get("Effect").asText()).isEqualTo("Allow");
                assertThat(toList(st.get("Action")).stream().map(JsonNode::asText).toList()).isEqualTo(s.actions());
                assertThat(toList(st.get("Resource")).stream().map(JsonNode::asText).toList()).isEqualTo(s.resources());
                assertThat(st.has("Condition")).isEqualTo(!s.conditions().isEmpty());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "aws", "hostile"})
    void readmesNameTheRulesEachResourceRealizesAndWhatIsNotEnforced(String fixture) throws Exception {
        CompiledProject project = CompiledProject.of(fixture, temp);
        String network = project.terraform().get("modules/network/README.md");
        String iam = project.terraform().get("modules/iam/README.md");
        for (NetworkLayer.Flow flow : project.ir().network().flows()) {
            flow.ruleIds().forEach(id -> assertThat(network).contains(MarkdownOutputFormat.escape(id)));
        }
        for (CloudIdentityLayer.Role role : project.ir().cloudIdentity().roles()) {
            role.statements().forEach(s -> assertThat(iam).contains(MarkdownOutputFormat.escape(s.sid())));
        }
        for (Ir.Gap gap : project.ir().gaps()) {
            String readme = gap.layer().equals("network") ? network : gap.layer().equals("cloud-identity") ? iam : null;
            if (readme != null) {
                assertThat(readme).contains("rule " + MarkdownOutputFormat.escape(gap.ruleId()) + ": " + gap.condition());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "aws", "hostile"})
    void everyModuleHasItsFilesAndPinsTheProvider(String fixture) throws Exception {
        CompiledProject project = CompiledProject.of(fixture, temp);
        for (String module : List.of("", "modules/network/", "modules/iam/")) {
            for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
                assertThat(project.terraform()).containsKey(module + file);
            }
            assertThat(project.terraform().get(module + "versions.tf"))
                    .contains("source  = \"hashicorp/aws\"", "version = \"~> 5.0\"", "required_version = \">= 1.5.0\"");
        }
        assertThat(project.terraform()).containsKeys("modules/network/README.md", "modules/iam/README.md");
        // default deny: no inline rule blocks, nothing open to the world
        String network = project.terraform().get("modules/network/main.tf").lines()
                .filter(line -> !line.strip().startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(network).doesNotContain("ingress {", "egress {", "egress =", "0.0.0.0/0", "::/0", "\"-1\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hostile"})
    void freeTextFromTheInputNeverReachesTheOutputUnescaped(String fixture) throws Exception {
        CompiledProject project = CompiledProject.of(fixture, temp);
        assertThat(project.terraform()).containsKey("modules/conditional-access/main.tf");
        for (Map.Entry<String, String> file : project.terraform().entrySet()) {
            // escaped, the hostile text is still there ("$${var.pwn}", "\"aws_iam_user\""); unescaped, never
            assertThat(file.getValue()).as(file.getKey())
                    .doesNotContainPattern("(?<![$])[$][{](var[.]pwn|file[(]|jsonencode)")
                    .doesNotContainPattern("(?<![%])[%][{] if")
                    .doesNotContainPattern("(?m)^\\s*(<<)?EOF")
                    .doesNotContainPattern("(?<!\\\\)\"aws_iam_user");
            if (file.getKey().endsWith(".tf")) {
                Map<String, Object> parsed = new HCLParser().parse(file.getValue());
                if (parsed.get("resource") instanceof Map<?, ?> resources) {
                    assertThat(resources.keySet().stream().map(String::valueOf).toList()).as(file.getKey())
                            .doesNotContain("aws_iam_user");
                }
            }
        }
    }

    private static Map<String, Object> locals(CompiledProject project, String file) throws Exception {
        Map<String, Object> parsed = new HCLParser().parse(project.terraform().get(file));
        return map(parsed, "locals");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as("has %s", key).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
