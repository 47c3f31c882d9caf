package dev.ztc.cli;

import dev.ztc.core.VerifyOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.InputException;
import dev.ztc.verify.VerifyReport;
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
import java.time.Clock;
import java.util.Optional;

/**
 * {@code ztc verify [dir] [--out DIR] [--format F] [--fail-on L] [--report FILE]}: maps flags onto {@link VerifyOptions},
 * prints (or writes) the report, and turns the findings into the exit code.
 */
final class VerifyCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    VerifyCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    static Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                .desc("the compiled output to judge (default <project-dir>/build/ztc); compiled first when missing or older than the input").get());
        FindingsOutput.addOptions(options);
        return options;
    }

    int run(String[] args) {
        CommandArguments arguments = CommandArguments.parse("verify", options(), help(), args, out, err);
        if (arguments.exit().isPresent()) {
            return arguments.exit().getAsInt();
        }
        CommandLine line = arguments.line();
        Optional<FindingsOutput> output = FindingsOutput.parse("verify", line, err);
        if (output.isEmpty()) {
            return Main.INPUT_ERROR;
        }
        VerifyOptions options;
        try {
            // verify judges the files Terraform applies, so there is always an output directory: the default one
            // when --out is not given, as for validate
            Path outDir = Optional.ofNullable(line.getOptionValue("out")).map(Path::of)
                    .orElse(arguments.projectDir().resolve("build").resolve("ztc"));
            options = new VerifyOptions(arguments.projectDir(), output.get().templates(), true, Optional.of(outDir));
        } catch (InvalidPathException e) {
            err.println("ztc verify: invalid path: " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        VerifyReport result;
        try {
            result = Ztc.verify(options, clock);
        } catch (InputException e) {
            e.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
            err.println("ztc verify: " + e.diagnostics().size() + (e.diagnostics().size() == 1 ? " error" : " errors")
                    + " in the input; nothing was verified");
            return Main.INPUT_ERROR;
        } catch (IOException e) {
            err.println("ztc verify: " + IoErrors.describe(e) + "; nothing was verified");
            return Main.INPUT_ERROR;
        }
        return output.get().emit(result, out, err);
    }

    private static String help() {
        StringWriter text = new StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(text), 100, "ztc verify [project-dir] [options]",
                "Check the generated artifacts under --out (compiled first when missing or older than the input; hand edits"
                        + " included) and the IR against the matrix.\n\n",
                options(), 2, 4, "\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 input or usage error.");
        return text.toString();
    }
}
