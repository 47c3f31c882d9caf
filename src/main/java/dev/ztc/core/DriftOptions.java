package dev.ztc.core;

import dev.ztc.drift.report.DriftFormat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code drift} needs, filled by the CLI and the Maven plugin alike. {@code sources} empty means the default
 * sources (AWS when the inventory has {@code clouds.aws}, Entra when it has {@code clouds.azure}, OPA when
 * {@code opaUrl} is set, the Terraform state when {@code tfstate} is set); present, it restricts to those.
 * {@code azureClientSecretEnv} names the environment variable holding the client secret: a secret is never an
 * option value (it would show in process lists and build logs). {@code reportDir} defaults to
 * {@code <out>/reports}, {@code history} to {@code <reportDir>/drift-history.jsonl}.
 */
public record DriftOptions(Path projectDir, Optional<Path> out, Optional<Path> templates, Optional<Set<DriftSourceKind>> sources,
                           Optional<URI> awsEndpoint, Optional<URI> graphEndpoint, Optional<URI> azureAuthority,
                           Optional<String> azureClientId, Optional<String> azureClientSecretEnv, Optional<URI> opaUrl,
                           Optional<Path> tfstate, Duration timeout, Set<DriftFormat> formats, Optional<Path> reportDir,
                           Optional<Path> history) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final String HISTORY_FILE = "drift-history.jsonl";

    public DriftOptions {
        sources = sources.map(Set::copyOf);
        formats = Set.copyOf(formats);
    }

    public CompileOptions compileOptions() {
        return new CompileOptions(projectDir, out, templates, Optional.empty(), Optional.empty());
    }

    public Path reportDirectory() {
        return reportDir.orElse(compileOptions().outputDir().resolve("reports"));
    }

    public Path historyFile() {
        return history.orElse(reportDirectory().resolve(HISTORY_FILE));
    }
}
