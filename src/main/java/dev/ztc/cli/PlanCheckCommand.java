package dev.ztc.cli;

import dev.ztc.core.PlanCheckOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.InputException;
import dev.ztc.verify.VerifyReport;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
        FindingsOutput.addOptions(options);
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
        Optional<FindingsOutput> output = FindingsOutput.parse("plan-check", line, err);
        if (output.isEmpty()) {
            return Main.INPUT_ERROR;
        }
        PlanCheckOptions options;
        try {
            options = new PlanCheckOptions(arguments.projectDir(), Path.of(line.getOptionValue("plan")), output.get().templates());
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
        return output.get().emit(result, out, err);
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
