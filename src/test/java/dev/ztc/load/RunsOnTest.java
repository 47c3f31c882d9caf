package dev.ztc.load;

import dev.ztc.Fixtures;
import dev.ztc.cli.CliRun;
import dev.ztc.core.Ztc;
import dev.ztc.ir.CloudIdentityLayer;
import dev.ztc.model.WorkloadRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code runs_on}: optional, ec2 when absent, one of the known runtimes otherwise. */
class RunsOnTest {

    @TempDir
    Path temp;

    @Test
    void aServiceWithoutRunsOnRunsOnEc2() throws Exception {
        var project = Ztc.loadAndCheck(Fixtures.project("minimal"));
        assertThat(project.services().get("payments-api").runsOn()).isEqualTo(WorkloadRuntime.EC2);
    }

    @Test
    void theRuntimeDecidesTheServicePrincipalTheRoleTrusts() throws Exception {
        var ir = dev.ztc.compile.Compiler.compile(Ztc.loadAndCheck(Fixtures.project("aws")));
        var roles = ir.cloudIdentity().roles().stream()
                .collect(java.util.stream.Collectors.toMap(CloudIdentityLayer.Role::name, r -> r));
        assertThat(roles.get("payments-api").servicePrincipals()).containsExactly("ecs-tasks.amazonaws.com");
        assertThat(roles.get("reporter").servicePrincipals()).containsExactly("ec2.amazonaws.com");
        assertThat(roles.get("indexer").trustActions()).containsExactly("sts:AssumeRole", "sts:TagSession");
        assertThat(roles.get("sre").servicePrincipals()).isEmpty();
    }

    @Test
    void anUnknownRuntimeIsALocatedError() throws Exception {
        Path project = Fixtures.copy(Fixtures.project("minimal"), temp.resolve("p"));
        Path inventory = project.resolve("inventory.yaml");
        Files.writeString(inventory, Files.readString(inventory).replace("aws_role: payments-api }",
                "aws_role: payments-api, runs_on: mainframe }"));
        CliRun run = CliRun.of("compile", project.toString(), "--out", temp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("inventory.yaml:11:79:", "runs_on 'mainframe' is not one of ec2, ecs-task, lambda, eks-pod");
    }
}
