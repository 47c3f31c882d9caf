package dev.ztc.cli;

import dev.ztc.verify.FailOn;
import dev.ztc.verify.VerifyReport;
import dev.ztc.verify.format.ReportFormat;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What verify and plan-check share on the command line, since they report the same findings: {@code --templates},
 * {@code --format}, {@code --fail-on} and {@code --report}, and how the report leaves and becomes the exit code.
 */
record FindingsOutput(String command, Optional<Path> templates, ReportFormat format, FailOn failOn,
                      Optional<Path> report) {

    static void addOptions(Options options) {
        options.addOption(Option.builder().longOpt("templates").hasArg().argName("DIR")
                .desc("templates that replace the built-in ones, as for compile").get());
        options.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                .desc("text (default), json, sarif, junit or markdown").get());
        options.addOption(Option.builder().longOpt("fail-on").hasArg().argName("LEVEL")
                .desc("exit 1 when an unsuppressed finding is at least: error (default), warning, or never").get());
        options.addOption(Option.builder().longOpt("report").hasArg().argName("FILE")
                .desc("write the report to FILE instead of standard output").get());
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
    }

    /** The shared options of {@code line}; a bad value is printed as {@code ztc <command>: ...} and gives empty. */
    static Optional<FindingsOutput> parse(String command, CommandLine line, PrintStream err) {
        Optional<ReportFormat> format = ReportFormat.parse(line.getOptionValue("format", "text"));
        if (format.isEmpty()) {
            err.println("ztc " + command + ": --format must be text, json, sarif, junit or markdown, not '"
                    + line.getOptionValue("format") + "'");
            return Optional.empty();
        }
        String failOn = line.getOptionValue("fail-on", "error");
        Optional<FailOn> threshold = FailOn.parse(failOn);
        if (threshold.isEmpty()) {
            err.println("ztc " + command + ": --fail-on must be error, warning or never, not '" + failOn + "'");
            return Optional.empty();
        }
        try {
            return Optional.of(new FindingsOutput(command, Optional.ofNullable(line.getOptionValue("templates")).map(Path::of),
                    format.get(), threshold.get(), Optional.ofNullable(line.getOptionValue("report")).map(Path::of)));
        } catch (InvalidPathException e) {
            err.println("ztc " + command + ": invalid path: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Prints the report or writes it to {@code --report}; the exit code follows {@code --fail-on}. */
    int emit(VerifyReport result, PrintStream out, PrintStream err) {
        String text = format.render(result);
        if (report.isPresent()) {
            try {
                Files.createDirectories(report.get().toAbsolutePath().getParent());
                Files.writeString(report.get(), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("ztc " + command + ": cannot write the report: " + IoErrors.describe(e));
                return Main.INPUT_ERROR;
            }
        } else {
            out.print(text);
        }
        return failOn.failing(result) > 0 ? Main.FINDINGS : Main.OK;
    }
}
