package dev.ztc.maven;

import dev.ztc.core.DriftOptions;
import dev.ztc.core.DriftSettingException;
import dev.ztc.core.DriftSourceKind;
import dev.ztc.core.Ztc;
import dev.ztc.diag.InputException;
import dev.ztc.drift.DriftReport;
import dev.ztc.drift.report.DriftFormat;
import dev.ztc.drift.report.ReportInput;
import dev.ztc.drift.report.TextReport;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ztc:drift}: the CLI's {@code drift}. Bound to no phase by default: it reads live cloud state, which a build
 * should only do when asked ({@code mvn ztc:drift}, or an execution that names a phase). Drift, and a source that
 * cannot be read, fail the build; the reports are written first either way.
 */
@Mojo(name = "drift", threadSafe = true)
public class DriftMojo extends AbstractZtcMojo {

    /** Sources to read (aws, entra, opa, tfstate); empty: those the inventory and the other parameters imply. */
    @Parameter(property = "ztc.drift.sources")
    List<String> sources;

    /** AWS API endpoint (a moto or LocalStack server); default AWS itself. */
    @Parameter(property = "ztc.drift.awsEndpoint")
    String awsEndpoint;

    /** Microsoft Graph base URL. */
    @Parameter(property = "ztc.drift.graphEndpoint")
    String graphEndpoint;

    /** Entra token authority host. */
    @Parameter(property = "ztc.drift.azureAuthority")
    String azureAuthority;

    /** Application (client) id that reads Conditional Access. */
    @Parameter(property = "ztc.drift.azureClientId")
    String azureClientId;

    /** Environment variable holding the client secret; the secret itself never goes into a POM. */
    @Parameter(property = "ztc.drift.azureClientSecretEnv")
    String azureClientSecretEnv;

    /** Base URL of a running OPA. */
    @Parameter(property = "ztc.drift.opaUrl")
    String opaUrl;

    /** A Terraform state as JSON. */
    @Parameter(property = "ztc.drift.tfstate")
    File tfstate;

    /** Timeout of each call to a source, ISO-8601 ({@code PT30S}). */
    @Parameter(property = "ztc.drift.timeout", defaultValue = "PT30S")
    String timeout;

    /** Reports to write: html, markdown, json, text. */
    @Parameter(property = "ztc.drift.formats", defaultValue = "html,markdown,json")
    List<String> formats;

    /** Where the reports go. */
    @Parameter(property = "ztc.drift.reportDirectory", defaultValue = "${project.build.directory}/ztc-reports/drift")
    File reportDirectory;

    /** The history file; default {@code <reportDirectory>/drift-history.jsonl}. */
    @Parameter(property = "ztc.drift.history")
    File history;

    Clock clock = Clock.systemDefaultZone();

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        DriftOptions options = options();
        DriftReport report;
        try {
            report = Ztc.drift(options, clock);
        } catch (InputException e) {
            throw inputErrors("drift", e);
        } catch (DriftSettingException e) {
            String parameter = parameter(e.setting());
            throw new MojoExecutionException("<" + parameter + "> " + e.getMessage() + " (ztc.drift." + parameter + ")");
        } catch (IOException e) {
            throw new MojoExecutionException("ztc:drift: " + e.getMessage() + " (<reportDirectory>, <outputDirectory>)", e);
        }
        TextReport.render(ReportInput.of(report)).lines().forEach(getLog()::info);
        getLog().info("ztc: drift reports written to " + options.reportDirectory());
        if (report.exitCode() == 2) {
            throw new MojoFailureException("ztc:drift: a source could not be read, so its layer is unknown; see " + options.reportDirectory());
        }
        if (report.exitCode() == 1) {
            throw new MojoFailureException("ztc:drift: live state drifted from the compiled intent; see " + options.reportDirectory());
        }
    }

    private DriftOptions options() throws MojoExecutionException {
        Optional<Set<DriftSourceKind>> kinds = Optional.empty();
        if (sources != null && !sources.isEmpty()) {
            kinds = Optional.of(DriftSourceKind.parseAll(String.join(",", sources)).orElseThrow(() -> new MojoExecutionException(
                    "<sources> takes aws, entra, opa, tfstate, not '" + String.join(",", sources) + "' (ztc.drift.sources)")));
        }
        Set<DriftFormat> reports = DriftFormat.parseAll(formats == null ? List.of() : formats).orElseThrow(() -> new MojoExecutionException(
                "<formats> takes html, markdown, json, text, not '" + String.join(",", formats) + "' (ztc.drift.formats)"));
        Duration perCall;
        try {
            perCall = Duration.parse(timeout);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("<timeout> must be an ISO-8601 duration such as PT30S, not '" + timeout + "' (ztc.drift.timeout)");
        }
        return new DriftOptions(project(), out(), templatesDir(), kinds, url(awsEndpoint, "awsEndpoint"),
                url(graphEndpoint, "graphEndpoint"), url(azureAuthority, "azureAuthority"), Optional.ofNullable(azureClientId),
                Optional.ofNullable(azureClientSecretEnv), url(opaUrl, "opaUrl"), Optional.ofNullable(tfstate).map(File::toPath),
                perCall, reports, Optional.of(reportDirectory.toPath()), Optional.ofNullable(history).map(File::toPath));
    }

    private static Optional<URI> url(String value, String parameter) throws MojoExecutionException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below, in the POM's words
        }
        throw new MojoExecutionException("<" + parameter + "> must be an http or https URL, not '" + value + "' (ztc.drift." + parameter + ")");
    }

    private static String parameter(DriftSettingException.Setting setting) {
        return switch (setting) {
            case SOURCE -> "sources";
            case OPA_URL -> "opaUrl";
            case TFSTATE -> "tfstate";
            case AZURE_CLIENT_SECRET_ENV -> "azureClientSecretEnv";
            case TIMEOUT -> "timeout";
        };
    }
}
