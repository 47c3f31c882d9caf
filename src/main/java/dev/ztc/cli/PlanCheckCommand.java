package dev.ztc.cli;

import dev.ztc.core.PlanCheckOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.InputException;
import dev.ztc.verify.Severity;
import dev.ztc.verify.VerifyReport;
import dev.ztc.verify.format.ReportFormat;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code ztc plan-check [dir] --plan FILE [--format F] [--fail-on L] [--report FILE]}: the CI gate between
 * {@code terraform plan} and {@code terraform apply}. Same formats and exit codes as verify.
 */
final class PlanCheckCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    PlanCheckCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    static Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("plan").hasArg().argName("FILE")
                .desc("the plan as JSON: terraform show -json tfplan > FILE (required)").get());
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                .desc("accepted like every command's --out; plan-check compiles in memory and writes nothing there").get());
        options.addOption(Option.builder().longOpt("templates").hasArg().argName("DIR")
                .desc("templates that replace the built-in ones, as for compile").get());
        options.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                .desc("text (default), json, sarif, junit or markdown").get());
        options.addOption(Option.builder().longOpt("fail-on").hasArg().argName("LEVEL")
                .desc("exit 1 when an unsuppressed finding is at least: error (default), warning, or never").get());
        options.addOption(Option.builder().longOpt("report").hasArg().argName("FILE")
                .desc("write the report to FILE instead of standard output").get());
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return options;
    }

    int run(String[] args) {
        CommandArguments arguments = CommandArguments.parse("plan-check", options(), help(), args, out, err);
        if (arguments.exit().isPresent()) {
            return arguments.exit().getAsInt();
        }
        CommandLine line = arguments.line();
        if (!line.hasOption("plan")) {
            err.println("ztc plan-check: --plan FILE is required (terraform show -json tfplan > FILE)");
            return Main.INPUT_ERROR;
        }
        Optional<ReportFormat> format = ReportFormat.parse(line.getOptionValue("format", "text"));
        if (format.isEmpty()) {
            err.println("ztc plan-check: --format must be text, json, sarif, junit or markdown, not '" + line.getOptionValue("format") + "'");
            return Main.INPUT_ERROR;
        }
        String failOn = line.getOptionValue("fail-on", "error");
        Optional<Severity> threshold = switch (failOn) {
            case "error" -> Optional.of(Severity.ERROR);
            case "warning" -> Optional.of(Severity.WARNING);
            case "never" -> Optional.empty();
            default -> null;
        };
        if (threshold == null) {
            err.println("ztc plan-check: --fail-on must be error, warning or never, not '" + failOn + "'");
            return Main.INPUT_ERROR;
        }
        PlanCheckOptions options;
        Optional<Path> report;
        try {
            options = new PlanCheckOptions(arguments.projectDir(), Path.of(line.getOptionValue("plan")),
                    Optional.ofNullable(line.getOptionValue("templates")).map(Path::of));
            report = Optional.ofNullable(line.getOptionValue("report")).map(Path::of);
        } catch (InvalidPathException e) {
            err.println("ztc plan-check: invalid path: " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        VerifyReport result;
        try {
            result = Ztc.planCheck(options, clock);
        } catch (InputException e) {
            e.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
            err.println("ztc plan-check: " + e.diagnostics().size() + (e.diagnostics().size() == 1 ? " error" : " errors")
                    + " in the input; nothing was checked");
            return Main.INPUT_ERROR;
        }
        String text = format.get().render(result);
        if (report.isPresent()) {
            try {
                Files.createDirectories(report.get().toAbsolutePath().getParent());
                Files.writeString(report.get(), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("ztc plan-check: cannot write the report: " + e.getMessage());
                return Main.INPUT_ERROR;
            }
        } else {
            out.print(text);
        }
        return threshold.isPresent() && result.failing(threshold.get()) > 0 ? Main.FINDINGS : Main.OK;
    }

    private static String help() {
        StringWriter text = new StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(text), 100, "ztc plan-check [project-dir] --plan FILE [options]",
                "Judge what a Terraform plan would create, change or destroy against the compiled matrix.\n\n",
                options(), 2, 4, "\nExit codes: 0 ok, 1 violations at or above --fail-on, 2 input or usage error"
                        + " (an unreadable plan included).");
        return text.toString();
    }
}
