package dev.ztc.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * What every command does before its own work: parse its options, answer {@code --help}, and accept at
 * most one project directory. A usage error is printed in the command's name and ends the run with exit 2.
 */
final class CommandArguments {

    private final CommandLine line;
    private final OptionalInt exit;

    private CommandArguments(CommandLine line, OptionalInt exit) {
        this.line = line;
        this.exit = exit;
    }

    static CommandArguments parse(String command, Options options, String help, String[] args, PrintStream out,
                                  PrintStream err) {
        CommandLine line;
        try {
            line = DefaultParser.builder().get().parse(options, args);
        } catch (ParseException e) {
            err.println("ztc " + command + ": " + e.getMessage());
            err.print(help);
            return new CommandArguments(null, OptionalInt.of(Main.INPUT_ERROR));
        }
        if (line.hasOption("help")) {
            out.print(help);
            return new CommandArguments(line, OptionalInt.of(Main.OK));
        }
        if (line.getArgList().size() > 1) {
            err.println("ztc " + command + ": one project directory expected, got " + line.getArgList().size());
            return new CommandArguments(line, OptionalInt.of(Main.INPUT_ERROR));
        }
        return new CommandArguments(line, OptionalInt.empty());
    }

    /** Set when the run ends here (help shown, or a usage error printed). */
    OptionalInt exit() {
        return exit;
    }

    CommandLine line() {
        return line;
    }

    /** The project directory argument, {@code .} when absent. */
    Path projectDir() throws InvalidPathException {
        return Path.of(line.getArgList().isEmpty() ? "." : line.getArgList().get(0));
    }
}
