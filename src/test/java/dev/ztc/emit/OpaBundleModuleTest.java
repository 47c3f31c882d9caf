package dev.ztc.emit;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundle-publishing module exists exactly when there is an application layer, and uploads by content. */
class OpaBundleModuleTest {

    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("unchecked")
    void publishesTheBundleWithAnEtagThatFollowsItsContent() throws Exception {
        CompiledProject project = CompiledProject.of("examples/bank-payments", temp);

        Map<String, Object> main = new HCLParser().parse(project.terraform().get("modules/opa-bundle/main.tf"));
        Map<String, Object> object = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) main.get("resource"))
                .get("aws_s3_object")).get("bundle");
        assertThat(object).containsKeys("bucket", "key", "source", "source_hash", "etag", "server_side_encryption");
        // source_hash triggers the upload whatever the encryption; etag is the content's MD5 only without SSE-KMS,
        // so setting it under aws:kms would show a change on every plan
        assertThat(project.terraform().get("modules/opa-bundle/main.tf"))
                .contains("source_hash  = filemd5(local.bundle_file)",
                        "etag         = var.kms_key_arn == null ? filemd5(local.bundle_file) : null",
                        "/../../../opa/bundle.tar.gz")
                .doesNotContain("etag         = filemd5(local.bundle_file)");
        assertThat(project.terraform().get("main.tf")).contains("module \"opa_bundle\"");
        assertThat(project.terraform().get("variables.tf")).contains("variable \"opa_bundle_bucket\"");
        assertThat(project.terraform().get("modules/opa-bundle/outputs.tf")).contains("decision_logs", "polling", "s3_signing");
        assertThat(project.ir().application().routes()).isNotEmpty();
    }

    @Test
    void noApplicationLayerNoModule() throws Exception {
        CompiledProject project = CompiledProject.of("examples/remote-workforce", temp);

        assertThat(project.ir().application().routes()).isEmpty();
        assertThat(project.terraform()).doesNotContainKey("modules/opa-bundle/main.tf");
        assertThat(project.terraform().get("main.tf")).doesNotContain("opa_bundle");
    }

    @Test
    void theUsersTemplateDirectoryOverridesThePolicyAndPepFilesByName() throws Exception {
        Path user = java.nio.file.Files.createDirectories(temp.resolve("tpl/opa/pep"));
        java.nio.file.Files.writeString(user.resolve("nginx.conf"), "# our own nginx set-up\n");
        Path out = temp.resolve("out");

        dev.ztc.core.Ztc.compile(new dev.ztc.core.CompileOptions(dev.ztc.Fixtures.repo().resolve("examples/bank-payments"),
                java.util.Optional.of(out), java.util.Optional.of(temp.resolve("tpl")), java.util.Optional.empty(),
                java.util.Optional.empty()));

        assertThat(out.resolve("opa/pep/nginx.conf")).hasContent("# our own nginx set-up");
        assertThat(out.resolve("opa/policy.rego")).content().contains("package ztc.authz");
    }
}
