package dev.ztc.verify;

import dev.ztc.Fixtures;
import dev.ztc.cli.CliRun;
import dev.ztc.core.VerifyOptions;
import dev.ztc.core.Ztc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ztc verify --out DIR} judges the compiled output as it is on disk, so that a hand edit to what Terraform
 * applies is caught before {@code terraform apply}; a stale output is compiled again first.
 */
class VerifyOutputTest {

    private static final String POLICY = "terraform/modules/iam/policies/engineer-1.json";
    private static final String NETWORK = "terraform/modules/network/main.tf";
    private static final String CONDITIONAL_ACCESS = "terraform/modules/conditional-access/main.tf";

    @TempDir
    Path temp;

    private Path project;
    private Path out;

    @BeforeEach
    void compileRemoteWorkforce() throws Exception {
        project = Fixtures.copy(Fixtures.repo().resolve("examples/remote-workforce"), temp.resolve("remote-workforce"));
        out = temp.resolve("out");
        assertThat(CliRun.of("compile", project.toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
    }

    private CliRun verify() {
        return CliRun.of("verify", project.toString(), "--out", out.toString());
    }

    private void edit(String artifact, String from, String to) throws Exception {
        Path file = out.resolve(artifact);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void theUntouchedOutputIsClean() {
        CliRun run = verify();
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        // the checks the tests below expect to fire on a hand edit are silent here (the example suppresses only ZT105)
        assertThat(run.out()).doesNotContain("ZT101", "ZT102", "ZT103", "ZT201", "ZT202");
    }

    @Test
    void aWildcardHandEditedIntoAnIamPolicyFails() throws Exception {
        edit(POLICY, "\"s3:GetObject\"", "\"s3:*\"");
        CliRun run = verify();
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains(": error: ZT102: statement ARTIFACTS1Read of role 'engineer' grants s3:*",
                ": error: ZT202: ", "[" + POLICY + "#ARTIFACTS1Read]");
        assertThat(out.resolve(POLICY)).content().contains("\"s3:*\""); // judged as it is, not compiled over
    }

    @Test
    void aWorldOpenSourceHandEditedIntoTheNetworkModuleFails() throws Exception {
        edit(NETWORK, "cidr_ipv4      = \"192.0.2.0/24\"", "cidr_ipv4      = \"0.0.0.0/0\"");
        CliRun run = verify();
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains(": error: ZT101: ingress rule '192.0.2.0/24->asset-build-host:22/tcp' admits 0.0.0.0/0",
                ": error: ZT201: asset:build-host is open to 0.0.0.0/0 on 22-22/tcp", "[" + NETWORK + "#ingress:");
    }

    @Test
    void aConditionalAccessPolicyStrippedOfMfaByHandFails() throws Exception {
        Path file = out.resolve(CONDITIONAL_ACCESS);
        String module = Files.readString(file);
        // the hr-portal grant's policy is the only one that demands MFA of employees there
        int policy = module.indexOf("\"ztc-remotico-hr-portal-10-require-mfa");
        String both = "controls            = [\"mfa\", \"compliantDevice\"]";
        int controls = module.indexOf(both, policy);
        assertThat(policy).isPositive();
        assertThat(controls).isGreaterThan(policy);
        Files.writeString(file, module.substring(0, controls) + "controls            = [\"compliantDevice\"]"
                + module.substring(controls + both.length()));
        CliRun run = verify();
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains(": error: ZT103: no Conditional Access policy requires MFA of group:employees on asset:hr-portal");
    }

    @Test
    void aConditionalAccessModuleZtcCannotReadIsRefused() throws Exception {
        edit(CONDITIONAL_ACCESS, "  policies = {", "  policies = \"none\"\n  unused = {");
        CliRun run = verify();
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("terraform/modules/conditional-access/main.tf has no locals.policies map");
    }

    /** CI may run terraform init in the output before verify: its provider binaries are not ztc's to judge. */
    @Test
    void terraformsWorkingDirectoryInTheOutputIsNotRead() throws Exception {
        Path provider = Files.createDirectories(out.resolve("terraform/.terraform/providers"));
        Files.write(provider.resolve("terraform-provider-aws"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        CliRun run = verify();
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void aStaleOutputIsCompiledAgainBeforeItIsJudged() throws Exception {
        edit(POLICY, "\"s3:GetObject\"", "\"s3:*\"");
        FileTime compiled = Files.getLastModifiedTime(out.resolve("ir.json"));
        Files.setLastModifiedTime(project.resolve("matrix.yaml"), FileTime.from(compiled.toInstant().plusSeconds(10)));
        CliRun run = verify();
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(out.resolve(POLICY)).content().doesNotContain("\"s3:*\"").contains("\"s3:GetObject\"");
    }

    @Test
    void aMissingOutputIsCompiledFirst() throws Exception {
        Path fresh = temp.resolve("fresh");
        CliRun run = CliRun.of("verify", project.toString(), "--out", fresh.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(fresh.resolve(POLICY)).exists();
    }

    /** Terraform uploads the archive; a bundle file edited beside it would be judged while another one ships. */
    @Test
    void aBundleFileThatNoLongerMatchesTheArchiveIsRefused() throws Exception {
        edit("opa/data.json", "\"high\": 3", "\"high\": 0");
        CliRun run = verify();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("ztc verify: opa/bundle.tar.gz holds a data.json that differs from"
                + " opa/data.json (edited by hand?): Terraform uploads the archive and verify judges the files beside it;"
                + " compile again; nothing was verified");
    }

    @Test
    void aDirectoryZtcDidNotWriteIsNotCompiledInto() throws Exception {
        Path foreign = Files.createDirectories(temp.resolve("foreign"));
        Files.writeString(foreign.resolve("keep.txt"), "not ztc's");
        CliRun run = CliRun.of("verify", project.toString(), "--out", foreign.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("was not written by ztc");
        assertThat(foreign.resolve("keep.txt")).hasContent("not ztc's");
    }

    /**
     * The checks see the same files whichever way they were produced: a signed compile on disk and the unsigned
     * in-memory emit differ in the marker and the signature only, and neither is something a check judges.
     */
    @Test
    void theFilesOnDiskAreTheFilesEmittedInMemory() throws Exception {
        Path healthcare = Fixtures.copy(Fixtures.repo().resolve("examples/healthcare-saas"), temp.resolve("healthcare-saas"));
        Path signed = temp.resolve("signed");
        CliRun compile = CliRun.of("compile", healthcare.toString(), "--out", signed.toString(), "--quiet",
                "--signing-key", ecKey().toString());
        assertThat(compile.exitCode()).as(compile.err()).isZero();
        assertThat(signed.resolve("opa/.signatures.json")).exists();
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

        VerifyContext onDisk = Ztc.verifyContext(new VerifyOptions(healthcare, Optional.empty(), false, Optional.of(signed)), clock);
        VerifyContext inMemory = Ztc.verifyContext(new VerifyOptions(healthcare, Optional.empty(), false), clock);

        assertThat(onDisk.artifacts()).containsKeys("ir.json", "opa/data.json", "terraform/modules/iam/main.tf", NETWORK);
        assertThat(onDisk.artifacts()).isEqualTo(inMemory.artifacts());
        assertThat(Verified.run(onDisk, healthcare).findings()).isEqualTo(Verified.run(inMemory, healthcare).findings());
    }

    /** The Conditional Access plan read back from the module judges like the plan the module was printed from. */
    @Test
    void theConditionalAccessModuleOnDiskJudgesLikeItsPlan() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
        VerifyContext onDisk = Ztc.verifyContext(new VerifyOptions(project, Optional.empty(), false, Optional.of(out)), clock);
        VerifyContext inMemory = Ztc.verifyContext(new VerifyOptions(project, Optional.empty(), false), clock);

        assertThat(onDisk.plan().policies()).hasSameSizeAs(inMemory.plan().policies()).isNotEmpty();
        assertThat(onDisk.plan().breakGlass()).hasSameSizeAs(inMemory.plan().breakGlass());
        assertThat(Verified.run(onDisk, project).findings()).isEqualTo(Verified.run(inMemory, project).findings());
    }

    private Path ecKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ec.generateKeyPair().getPrivate().getEncoded());
        return Files.writeString(temp.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    }
}
