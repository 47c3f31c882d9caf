package dev.ztc.cli;

import dev.ztc.core.ValidateOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.InputException;
import dev.ztc.validate.UnreadableArtifactException;
import dev.ztc.validate.ValidationReport;
import dev.ztc.validate.format.ValidateFormat;
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
import java.util.Optional;

/**
 * {@code ztc validate [dir] [--format F] [--report FILE] [--no-boundary] [--opa FILE | --no-opa] [--verbose]}: maps
 * flags onto {@link ValidateOptions}, prints (or writes) the report, exits 1 when a layer contradicts the intent or
 * an {@code expect} is not met.
 */
final class ValidateCommand {

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                .desc("the compiled output to judge (default <project-dir>/build/ztc); compiled first when missing or older than the input").get());
        options.addOption(Option.builder().longOpt("templates").hasArg().argName("DIR")
                .desc("templates that replace the built-in ones, as for compile (used when validate compiles)").get());
        options.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                .desc("text (default), json or junit").get());
        options.addOption(Option.builder().longOpt("report").hasArg().argName("FILE")
                .desc("write the report to FILE instead of standard output").get());
        options.addOption(Option.builder().longOpt("no-boundary")
                .desc("judge only the requests of requests.yaml, not the boundary requests generated from each rule").get());
        options.addOption(Option.builder().longOpt("opa").hasArg().argName("FILE")
                .desc("the opa binary that decides the application layer (default: opa on PATH, else ztc's Java evaluation)").get());
        options.addOption(Option.builder().longOpt("no-opa")
                .desc("decide the application layer with ztc's Java evaluation of data.json, even where opa is installed").get());
        options.addOption(Option.builder().longOpt("verbose")
                .desc("text format: show every boundary request's table, not only the failing ones").get());
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return options;
    }

    int run(String[] args) {
        CommandArguments arguments = CommandArguments.parse("validate", options(), help(), args, out, err);
        if (arguments.exit().isPresent()) {
            return arguments.exit().getAsInt();
        }
        CommandLine line = arguments.line();
        Optional<ValidateFormat> format = ValidateFormat.parse(line.getOptionValue("format", "text"));
        if (format.isEmpty()) {
            err.println("ztc validate: --format must be text, json or junit, not '" + line.getOptionValue("format") + "'");
            return Main.INPUT_ERROR;
        }
        if (line.hasOption("opa") && line.hasOption("no-opa")) {
            err.println("ztc validate: --opa and --no-opa exclude each other");
            return Main.INPUT_ERROR;
        }
        ValidateOptions options;
        Optional<Path> report;
        try {
            options = new ValidateOptions(arguments.projectDir(), Optional.ofNullable(line.getOptionValue("out")).map(Path::of),
                    Optional.ofNullable(line.getOptionValue("templates")).map(Path::of), !line.hasOption("no-boundary"),
                    Optional.ofNullable(line.getOptionValue("opa")).map(Path::of), !line.hasOption("no-opa"));
            report = Optional.ofNullable(line.getOptionValue("report")).map(Path::of);
        } catch (InvalidPathException e) {
            err.println("ztc validate: invalid path: " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        ValidationReport result;
        try {
            result = Ztc.validate(options);
        } catch (InputException e) {
            e.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
            err.println("ztc validate: " + e.diagnostics().size() + (e.diagnostics().size() == 1 ? " error" : " errors")
                    + " in the input; nothing was validated");
            return Main.INPUT_ERROR;
        } catch (UnreadableArtifactException e) {
            err.println("ztc validate: cannot read the generated " + e.getMessage() + "; nothing was validated");
            return Main.INPUT_ERROR;
        } catch (IOException e) {
            err.println("ztc validate: " + IoErrors.describe(e));
            return Main.INPUT_ERROR;
        }
        String text = format.get().render(result, line.hasOption("verbose"));
        if (report.isPresent()) {
            try {
                Path parent = report.get().toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(report.get(), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("ztc validate: cannot write the report: " + IoErrors.describe(e));
                return Main.INPUT_ERROR;
            }
        } else {
            out.print(text);
        }
        return result.failing() > 0 ? Main.FINDINGS : Main.OK;
    }

    private static String help() {
        StringWriter text = new StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(text), 100, "ztc validate [project-dir] [options]",
                "Decide every sample request of requests.yaml, and boundary requests generated from each matrix rule, by the"
                        + " intent and by every generated layer (Security Groups, IAM, Conditional Access, OPA), reading the"
                        + " emitted files; show each decision with its reason.\n\n",
                options(), 2, 4, "\nExit codes: 0 every layer agrees and every expect is met, 1 a layer contradicts the matrix"
                        + " or an expect is not met, 2 input or usage error, or a generated file that cannot be read.");
        return text.toString();
    }
}
