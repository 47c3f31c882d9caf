package dev.ztc.drift.aws;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.drift.DriftComparison;
import dev.ztc.drift.LayerDrift;
import dev.ztc.drift.LayerState;
import dev.ztc.drift.StateObject;
import dev.ztc.model.EnforcementLayer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One example compiled and applied to an AWS emulator: the project (its inventory pointing at the emulator's VPC),
 * the compiled artifacts, the intent read from them, and handles to change what is live. The emulator gives the
 * VPC its id and has its own account id, so the example is copied and its {@code vpc_id} and {@code account_id}
 * replaced before it is compiled.
 */
record AwsDriftScenario(ResolvedProject project, Map<String, String> artifacts, List<StateObject> intended, String vpc,
                        Map<String, String> groupIds, Map<String, String> policyArns, AwsApply aws, URI endpoint,
                        AwsCredentialsProvider credentials) implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    static AwsDriftScenario applied(String example, Path temp, URI endpoint, AwsCredentialsProvider credentials)
            throws Exception {
        Path project = Fixtures.copy(Fixtures.repo().resolve("examples/" + example), temp.resolve("project"));
        String region = Ztc.loadAndCheck(project).project().inventory().aws().orElseThrow().region();
        AwsApply aws = new AwsApply(endpoint, region, credentials);
        String vpc = aws.createVpc("10.0.0.0/16");
        Path inventory = project.resolve("inventory.yaml");
        Files.writeString(inventory, Files.readString(inventory).replaceFirst("vpc_id: *vpc-[0-9a-f]+", "vpc_id: " + vpc)
                .replaceFirst("account_id: *\"[0-9]+\"", "account_id: \"" + aws.account() + "\""));
        Path out = temp.resolve("out");
        Ztc.compile(new CompileOptions(project, Optional.of(out)));
        ResolvedProject resolved = Ztc.loadAndCheck(project);
        Map<String, String> artifacts = read(out);
        String organization = resolved.project().inventory().organization();
        Map<String, String> groups = aws.applyNetwork(artifacts, vpc, organization);
        Map<String, String> policies = aws.applyIdentity(artifacts, organization);
        return new AwsDriftScenario(resolved, artifacts, AwsIntent.intended(resolved, artifacts), vpc, groups, policies,
                aws, endpoint, credentials);
    }

    AwsSource source(int pageSize) {
        return new AwsSource(project, Optional.of(endpoint), Duration.ofSeconds(10), pageSize, credentials);
    }

    /** Both AWS layers, read now and compared with the intent. */
    Map<EnforcementLayer, LayerDrift> drift() {
        return compare(source(AwsSource.PAGE_SIZE).read());
    }

    Map<EnforcementLayer, LayerDrift> compare(List<LayerState> live) {
        DriftComparison comparison = new DriftComparison(project, TODAY);
        Map<EnforcementLayer, LayerDrift> out = new TreeMap<>();
        for (EnforcementLayer layer : List.of(EnforcementLayer.NETWORK, EnforcementLayer.CLOUD_IDENTITY)) {
            List<StateObject> want = intended.stream().filter(o -> o.layer() == layer).toList();
            out.put(layer, comparison.compare(layer, want, live.stream().filter(s -> s.layer() == layer).toList()));
        }
        return out;
    }

    /** What the compiled output holds, as the core reads it: text files by output-relative path. */
    private static Map<String, String> read(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = out.relativize(file).toString().replace('\\', '/');
                if (!name.endsWith(".tar.gz")) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    @Override
    public void close() {
        aws.close();
    }
}
