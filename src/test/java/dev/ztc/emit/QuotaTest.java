package dev.ztc.emit;

import dev.ztc.Fixtures;
import dev.ztc.cli.CliRun;
import dev.ztc.diag.ErrorCode;
import dev.ztc.ir.CloudIdentityLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** AWS's limits: ztc fits its output into the quotas, or fails with a located error naming the numbers. */
class QuotaTest {

    @TempDir
    Path temp;

    private CliRun compileWithQuotas(String quotas) throws Exception {
        Path project = Fixtures.copy(Fixtures.project("aws"), temp.resolve("project"));
        Files.writeString(project.resolve("ztc.yaml"), "version: 1\nquotas: { " + quotas + " }\n");
        return CliRun.of("compile", project.toString(), "--out", temp.resolve("out").toString());
    }

    @Test
    void tooManyRulesOnOneSecurityGroupNamesTheGroupDirectionCountAndQuota() throws Exception {
        CliRun run = compileWithQuotas("security_group_rules_per_direction: 3");
        assertThat(run.exitCode()).isEqualTo(2);
        // asset-cache: 3 ports from the web segment, and 3 from the VPN's aggregated block
        assertThat(run.err()).contains("inventory.yaml:", "security group 'asset-cache' would need 6 ingress rules",
                "quota of 3", ErrorCode.QUOTA_EXCEEDED.id());
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void aStatementLargerThanAPolicyIsALocatedError() throws Exception {
        CliRun run = compileWithQuotas("iam_policy_size: 300");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("matrix.yaml:", "of role 'sre' is", "size quota of 300", ErrorCode.QUOTA_EXCEEDED.id());
    }

    @Test
    void morePoliciesThanARoleMayHaveIsALocatedError() throws Exception {
        CliRun run = compileWithQuotas("iam_policy_size: 450, iam_policies_per_role: 1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("role 'payments-api' needs 2 managed policies", "the quota is 1 per role");
    }

    @Test
    void statementsArePackedFirstFitInOrderWithinTheSizeLimit() {
        List<CloudIdentityLayer.Statement> statements = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statements.add(new CloudIdentityLayer.Statement("S" + i, "a", List.of("s3:GetObject"),
                    List.of("arn:aws:s3:::bucket-" + "x".repeat(i * 10) + "/*"), Map.of(), List.of("R-" + i)));
        }
        CloudIdentityLayer.Role role = new CloudIdentityLayer.Role("r", "workload", List.of("s"), 0, statements,
                List.of("R"), List.of(), List.of());
        int limit = 400;
        PolicyPacker.Packing packing = PolicyPacker.pack(role, limit, 10);
        assertThat(packing.misfit()).isEmpty();
        List<CloudIdentityLayer.Statement> flattened = new ArrayList<>();
        for (List<CloudIdentityLayer.Statement> policy : packing.policies()) {
            assertThat(PolicyPacker.size(policy)).isLessThanOrEqualTo(limit);
            flattened.addAll(policy);
        }
        assertThat(flattened).containsExactlyInAnyOrderElementsOf(statements);
        assertThat(packing.policies().size()).isGreaterThan(1);
        // first fit: the first policy starts with the first statement, and each statement went to the
        // earliest policy with room for it
        assertThat(packing.policies().get(0).get(0)).isEqualTo(statements.get(0));
        assertThat(PolicyPacker.pack(role, limit, 10)).isEqualTo(packing);
        assertThat(PolicyPacker.pack(role, limit, 1).misfit()).isPresent();
    }
}
