package dev.ztc.emit.opa;

import dev.ztc.Fixtures;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.InputException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OPA accepts the signed bundle with the public key, and refuses it once data.json is changed. */
class BundleSigningTest {

    @TempDir
    Path temp;

    @Test
    void opaVerifiesRs256AndEs256SignaturesAndRefusesATamperedBundle() throws Exception {
        OpaTool opa = OpaTool.require();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        for (Map.Entry<String, KeyPair> key : Map.of("RS256", rsa.generateKeyPair(), "ES256", ec.generateKeyPair()).entrySet()) {
            Path dir = Files.createDirectories(temp.resolve(key.getKey()));
            Path privatePem = pem(dir.resolve("key.pem"), "PRIVATE KEY", key.getValue().getPrivate().getEncoded());
            Path publicPem = pem(dir.resolve("key.pub.pem"), "PUBLIC KEY", key.getValue().getPublic().getEncoded());
            Path out = dir.resolve("out");
            Ztc.compile(new CompileOptions(Fixtures.repo().resolve("examples/bank-payments"), Optional.of(out), Optional.empty(), Optional.empty(), Optional.of(privatePem)));
            Path tarball = out.resolve("opa/bundle.tar.gz");
            assertThat(out.resolve("opa/.signatures.json")).exists();

            OpaTool.Result ok = opa.run("build", "-b", tarball.toString(), "--verification-key", publicPem.toString(),
                    "--signing-alg", key.getKey(), "-o", dir.resolve("verified.tar.gz").toString());
            assertThat(ok.exitCode()).as("%s: %s", key.getKey(), ok.stderr()).isZero();

            Map<String, byte[]> files = untar(Files.readAllBytes(tarball));
            assertThat(files).containsKeys(".signatures.json", ".manifest", "data.json", "policy.rego");
            files.put("data.json", new String(files.get("data.json"), StandardCharsets.UTF_8)
                    .replace("\"mfa\": true", "\"mfa\": false").getBytes(StandardCharsets.UTF_8));
            Path tampered = Files.write(dir.resolve("tampered.tar.gz"), BundleArchive.tarGz(files));
            OpaTool.Result refused = opa.run("build", "-b", tampered.toString(), "--verification-key", publicPem.toString(),
                    "--signing-alg", key.getKey(), "-o", dir.resolve("refused.tar.gz").toString());
            assertThat(refused.exitCode()).as(key.getKey()).isNotZero();
            assertThat(refused.stdout() + refused.stderr()).contains("data.json: digest mismatch");
        }
    }

    @Test
    void aKeyThatIsNotAPkcs8PrivateKeyIsAnInputError() throws Exception {
        Path key = Files.writeString(temp.resolve("bad.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Ztc.compile(new CompileOptions(Fixtures.repo().resolve("examples/bank-payments"),
                Optional.of(temp.resolve("out")), Optional.empty(), Optional.empty(), Optional.of(key))))
                .isInstanceOf(InputException.class).hasMessageContaining("PKCS#8");
        assertThat(temp.resolve("out")).doesNotExist();
    }

    private static Path pem(Path file, String type, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static Map<String, byte[]> untar(byte[] tgz) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tgz)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                files.put(e.getName().substring(1), tar.readAllBytes());
            }
        }
        return files;
    }
}
