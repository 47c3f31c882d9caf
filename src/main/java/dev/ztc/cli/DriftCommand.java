package dev.ztc.cli;

import dev.ztc.core.DriftOptions;
import dev.ztc.core.DriftSettingException;
import dev.ztc.core.DriftSourceKind;
import dev.ztc.core.Ztc;
import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.InputException;
import dev.ztc.drift.DriftReport;
import dev.ztc.drift.report.DriftFormat;
import dev.ztc.drift.report.ReportInput;
import dev.ztc.drift.report.TextReport;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ztc drift [dir] [options]}: maps flags onto {@link DriftOptions}, prints the text report, and exits with
 * the report's code: 0 in sync, 1 drift, 2 a source could not be read (or bad input or usage).
 */
final class DriftCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    DriftCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** A flag whose value cannot be used; reported in the CLI's words, exit 2. */
    private static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    static Options options() {
        Options o = new Options();
        o.addOption(opt("source", "LIST", "restrict to these sources: aws, entra, opa, tfstate (comma list; default: aws when the"
                + " inventory has clouds.aws, entra when it has clouds.azure, opa with --opa-url, tfstate with --tfstate)"));
        o.addOption(opt("aws-endpoint", "URL", "AWS API endpoint (a moto or LocalStack server); default: AWS itself"));
        o.addOption(opt("graph-endpoint", "URL", "Microsoft Graph base URL (default https://graph.microsoft.com/v1.0/)"));
        o.addOption(opt("azure-authority", "URL", "Entra token authority host (default: Azure's public cloud)"));
        o.addOption(opt("azure-client-id", "ID", "application (client) id to read Conditional Access with"));
        o.addOption(opt("azure-client-secret-env", "VAR", "environment variable holding the client secret (never the secret itself)"));
        o.addOption(opt("opa-url", "URL", "base URL of a running OPA to read (e.g. http://127.0.0.1:8181/)"));
        o.addOption(opt("tfstate", "FILE", "a Terraform state as JSON (terraform show -json) to compare"));
        o.addOption(opt("timeout", "DURATION", "timeout of each call to a source: 30s (default), 2m, or ISO-8601 PT30S"));
        o.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                .desc("reports to write into --report-dir: html, markdown, json, text (repeatable or comma list; default"
                        + " html,markdown,json). The text report is always printed").get());
        o.addOption(opt("report-dir", "DIR", "where the reports go (default <out>/reports)"));
        o.addOption(opt("history", "FILE", "the history file each run is appended to (default <report-dir>/drift-history.jsonl)"));
        o.addOption(opt("out", "DIR", "the compiled output to compare with (default <project-dir>/build/ztc); compiled first when"
                + " missing or older than the input"));
        o.addOption(opt("templates", "DIR", "templates that replace the built-in ones (drift/report.html.ftl, drift/report.md.ftl)"));
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    private static Option opt(String name, String arg, String description) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get();
    }

    int run(String[] args) {
        CommandArguments arguments = CommandArguments.parse("drift", options(), help(), args, out, err);
        if (arguments.exit().isPresent()) {
            return arguments.exit().getAsInt();
        }
        DriftOptions options;
        try {
            options = options(arguments);
        } catch (UsageError e) {
            err.println("ztc drift: " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        DriftReport report;
        try {
            report = Ztc.drift(options, clock);
        } catch (InputException e) {
            e.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
            err.println("ztc drift: " + e.diagnostics().size() + (e.diagnostics().size() == 1 ? " error" : " errors")
                    + " in the input; nothing was read");
            return Main.INPUT_ERROR;
        } catch (DriftSettingException e) {
            err.println("ztc drift: " + flag(e.setting()) + " " + e.getMessage());
            return Main.INPUT_ERROR;
        } catch (IOException e) {
            err.println("ztc drift: cannot compile or write the reports: " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        out.print(TextReport.render(ReportInput.of(report)));
        out.println("reports in " + options.reportDirectory() + ", history " + options.historyFile());
        return report.exitCode();
    }

    private static DriftOptions options(CommandArguments arguments) throws UsageError {
        CommandLine line = arguments.line();
        Optional<Set<DriftSourceKind>> sources = Optional.empty();
        if (line.hasOption("source")) {
            sources = Optional.of(DriftSourceKind.parseAll(line.getOptionValue("source")).orElseThrow(() -> new UsageError(
                    "--source takes aws, entra, opa, tfstate (comma list), not '" + line.getOptionValue("source") + "'")));
        }
        List<String> formats = line.hasOption("format") ? List.of(line.getOptionValues("format")) : List.of();
        Set<DriftFormat> kinds = DriftFormat.parseAll(formats).orElseThrow(() -> new UsageError(
                "--format takes html, markdown, json, text (repeatable or comma list), not '" + String.join(",", formats) + "'"));
        try {
            return new DriftOptions(arguments.projectDir(), path(line, "out"), path(line, "templates"), sources,
                    url(line, "aws-endpoint"), url(line, "graph-endpoint"), url(line, "azure-authority"),
                    Optional.ofNullable(line.getOptionValue("azure-client-id")),
                    Optional.ofNullable(line.getOptionValue("azure-client-secret-env")), url(line, "opa-url"), path(line, "tfstate"),
                    timeout(line), kinds, path(line, "report-dir"), path(line, "history"));
        } catch (InvalidPathException e) {
            throw new UsageError("invalid path: " + e.getMessage());
        }
    }

    private static Optional<Path> path(CommandLine line, String name) {
        return Optional.ofNullable(line.getOptionValue(name)).map(Path::of);
    }

    private static Optional<URI> url(CommandLine line, String name) throws UsageError {
        String value = line.getOptionValue(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageError("--" + name + " must be an http or https URL, not '" + value + "'");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new UsageError("--" + name + " is not a URL: " + e.getMessage());
        }
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms}, or ISO-8601 ({@code PT30S}). */
    static Duration timeout(CommandLine line) throws UsageError {
        String value = line.getOptionValue("timeout");
        if (value == null) {
            return DriftOptions.DEFAULT_TIMEOUT;
        }
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m)").matcher(value.strip());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMinutes(n);
                };
            }
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UsageError("--timeout takes 30s, 2m, 500ms or PT30S, not '" + value + "'");
        }
    }

    private static String flag(DriftSettingException.Setting setting) {
        return switch (setting) {
            case SOURCE -> "--source";
            case OPA_URL -> "--opa-url";
            case TFSTATE -> "--tfstate";
            case AZURE_CLIENT_SECRET_ENV -> "--azure-client-secret-env";
            case TIMEOUT -> "--timeout";
        };
    }

    private static String help() {
        StringWriter text = new StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(text), 100, "ztc drift [project-dir] [options]",
                "Read what is live (AWS, Entra ID, a running OPA, a Terraform state; read-only) and compare every layer with the"
                        + " compiled intent: missing, unexpected, changed and unmanaged objects, with their matrix rules and a"
                        + " severity that follows the asset's sensitivity. Writes HTML, Markdown and JSON reports and appends"
                        + " the run to a history file.\n\n",
                options(), 2, 4, "\nExit codes: 0 nothing drifted, 1 something drifted, 2 a source could not be read (its layer"
                        + " is unknown), or input or usage error.");
        return text.toString();
    }
}
