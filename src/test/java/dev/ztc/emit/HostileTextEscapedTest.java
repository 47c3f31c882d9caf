package dev.ztc.emit;

import dev.ztc.model.Group;
import dev.ztc.model.Project;
import dev.ztc.model.User;
import dev.ztc.load.ProjectLoader;
import dev.ztc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other half of TerraformEmitterTest's hostile-fixture check: that test proves no hostile text appears
 * unescaped, which would also hold if the text were dropped. Here every hostile display name and UPN must be in
 * the Conditional Access module as exactly its HCL-escaped literal (the escaping OutputFormatEscapingTest proves
 * against the real HCL parser).
 */
class HostileTextEscapedTest {

    @TempDir
    Path temp;

    @Test
    void everyHostileNameIsInTheOutputAsItsEscapedLiteral() throws Exception {
        Project project = ProjectLoader.load(Fixtures.project("hostile"));
        List<String> hostile = new ArrayList<>();
        project.inventory().groups().stream().map(Group::azureGroup).forEach(g -> g.ifPresent(hostile::add));
        project.inventory().users().stream().map(User::upn).forEach(u -> u.ifPresent(hostile::add));
        assertThat(hostile).hasSize(3).allSatisfy(text -> assertThat(text).containsAnyOf("${", "%{", "<<EOF", "\""));

        String module = CompiledProject.of("hostile", temp).terraform().get("modules/conditional-access/main.tf");

        for (String text : hostile) {
            assertThat(module).as(text).contains("\"" + HclOutputFormat.escape(text) + "\"");
        }
    }
}
