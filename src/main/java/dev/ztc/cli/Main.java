package dev.ztc.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** {@code ztc <command> [project-dir] [options]}: dispatches to a command; exits 0, 1 or 2 (see README). */
public final class Main {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int INPUT_ERROR = 2;
    /** A bug in ztc, not in the input: reported in one line, with the trace only under ZTC_DEBUG. */
    public static final int INTERNAL_ERROR = 3;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(usage());
            return args.length == 0 ? INPUT_ERROR : OK;
        }
        if (args[0].equals("--version")) {
            out.println("ztc " + version());
            return OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "compile" -> new CompileCommand(out, err).run(rest);
                case "verify" -> new VerifyCommand(out, err, java.time.Clock.systemDefaultZone()).run(rest);
                case "validate" -> new ValidateCommand(out, err).run(rest);
                case "plan-check" -> new PlanCheckCommand(out, err, java.time.Clock.systemDefaultZone()).run(rest);
                case "drift" -> new DriftCommand(out, err, java.time.Clock.systemDefaultZone()).run(rest);
                default -> {
                    err.println("ztc: unknown command '" + args[0] + "'");
                    err.print(usage());
                    yield INPUT_ERROR;
                }
            };
        } catch (java.io.UncheckedIOException e) {
            // a file that could not be read or written (a directory walk, a stream) is the user's to fix, not a bug
            err.println("ztc: " + IoErrors.describe(e.getCause()));
            return INPUT_ERROR;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println("ztc: internal error: " + e + " (please report it; set ZTC_DEBUG=1 for the stack trace)");
            if (System.getenv("ZTC_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        }
    }

    static String usage() {
        return """
                usage: ztc <command> [project-dir] [options]

                commands:
                  compile     load, check and compile the project into build/ztc/ (or --out DIR)
                  verify      check the compiled artifacts against the matrix; findings as text, json, sarif, junit, markdown
                  validate    decide sample and boundary requests by the intent and by every generated layer, with reasons
                  plan-check  judge a terraform plan (terraform show -json) against the compiled matrix before apply
                  drift       compare what is live (AWS, Entra ID, OPA, a Terraform state) with the compiled intent; HTML, Markdown, JSON

                Run 'ztc <command> --help' for the options of a command.
                exit codes: 0 ok, 1 findings or drift, 2 usage or input error (drift: a source unreadable), 3 internal error
                """;
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
