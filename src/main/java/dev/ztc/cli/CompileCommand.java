package dev.ztc.cli;

import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.InputException;
import dev.ztc.model.Settings;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** {@code ztc compile [dir] [--out DIR] [--templates DIR]}: maps flags onto {@link CompileOptions} and prints the summary. */
final class CompileCommand {

    private final PrintStream out;
    private final PrintStream err;

    CompileCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                .desc("output directory (default <project-dir>/build/ztc); replaced on every run").get());
        options.addOption(Option.builder().longOpt("templates").hasArg().argName("DIR")
                .desc("directory of templates that replace the built-in ones of the same name").get());
        options.addOption(Option.builder().longOpt("ca-state").hasArg().argName("STATE")
                .desc("state of the generated Conditional Access policies: enabled, disabled or "
                        + "enabledForReportingButNotEnforced (default: ztc.yaml, else report-only)").get());
        options.addOption(Option.builder().longOpt("signing-key").hasArg().argName("FILE")
                .desc("sign the OPA bundle with this private key (PKCS#8 PEM; RSA gives RS256, P-256 gives ES256)").get());
        options.addOption(Option.builder().longOpt("quiet").desc("print nothing but errors").get());
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return options;
    }

    int run(String[] args) {
        CommandArguments arguments = CommandArguments.parse("compile", options(), help(), args, out, err);
        if (arguments.exit().isPresent()) {
            return arguments.exit().getAsInt();
        }
        CommandLine line = arguments.line();
        Optional<Settings.ConditionalAccessState> caState = Optional.empty();
        if (line.hasOption("ca-state")) {
            caState = Settings.ConditionalAccessState.parse(line.getOptionValue("ca-state"));
            if (caState.isEmpty()) {
                err.println("ztc compile: --ca-state must be enabled, disabled or enabledForReportingButNotEnforced, not '"
                        + line.getOptionValue("ca-state") + "'");
                return Main.INPUT_ERROR;
            }
        }
        CompileOptions options;
        try {
            Path dir = arguments.projectDir();
            options = new CompileOptions(dir, Optional.ofNullable(line.getOptionValue("out")).map(Path::of),
                    Optional.ofNullable(line.getOptionValue("templates")).map(Path::of), caState,
                    Optional.ofNullable(line.getOptionValue("signing-key")).map(Path::of));
        } catch (InvalidPathException e) {
            err.println("ztc compile: invalid path: " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        try {
            Ztc.CompileResult result = Ztc.compile(options);
            if (!line.hasOption("quiet")) {
                out.print(result.summary().format());
                out.println("wrote " + options.outputDir() + " (ir.json, " + result.terraformFiles() + " Terraform files)");
            }
            return Main.OK;
        } catch (InputException e) {
            e.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
            err.println("ztc compile: " + e.diagnostics().size() + (e.diagnostics().size() == 1 ? " error" : " errors")
                    + "; nothing was written");
            return Main.INPUT_ERROR;
        } catch (IOException e) {
            err.println("ztc compile: " + IoErrors.describe(e) + "; nothing was written");
            return Main.INPUT_ERROR;
        }
    }

    private static String help() {
        StringWriter text = new StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(text), 100, "ztc compile [project-dir] [options]",
                "Load, check and compile a project into Terraform modules and an OPA bundle.\n\n", options(), 2, 4,
                "\nExit codes: 0 ok, 2 input error (every problem listed as file:line:col).");
        return text.toString();
    }
}
