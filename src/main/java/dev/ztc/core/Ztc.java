package dev.ztc.core;

import dev.ztc.check.ProjectChecker;
import dev.ztc.check.ResolvedProject;
import dev.ztc.compile.Compiler;
import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import dev.ztc.drift.DriftReport;
import dev.ztc.emit.IrJson;
import dev.ztc.emit.OutputTree;
import dev.ztc.emit.Templates;
import dev.ztc.emit.TerraformEmitter;
import dev.ztc.emit.opa.BundleSigner;
import dev.ztc.emit.opa.OpaBundleEmitter;
import dev.ztc.ir.Ir;
import dev.ztc.load.ProjectLoader;
import dev.ztc.model.Project;
import dev.ztc.plan.PlanCheck;
import dev.ztc.plan.PlanChecker;
import dev.ztc.plan.PlanIntent;
import dev.ztc.plan.TerraformPlan;

import dev.ztc.emit.ca.ConditionalAccessPlan;
import dev.ztc.emit.ca.ConditionalAccessPlanner;
import dev.ztc.validate.UnreadableArtifactException;
import dev.ztc.validate.ValidationReport;
import dev.ztc.validate.Validator;
import dev.ztc.verify.Check;
import dev.ztc.verify.CheckRegistry;
import dev.ztc.verify.Verifier;
import dev.ztc.verify.VerifyContext;
import dev.ztc.verify.VerifyReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Optional;

/** The core entry points; the CLI and the Maven plugin are thin adapters over these. */
public final class Ztc {

    private Ztc() {
    }

    /** Result of a compile: the IR, the files written, and the summary to print. */
    public record CompileResult(Ir ir, OutputTree output, CompileSummary summary, int terraformFiles) {
    }

    /** load → check → compile → emit (ir.json, Terraform), then move the output into place. Throws on bad input; writes nothing then. */
    public static CompileResult compile(CompileOptions options) throws InputException, IOException {
        Path out = options.outputDir();
        refuseUnsafeOutput(options.projectDir(), out);
        Templates templates = Templates.of(options.templates());
        ResolvedProject checked = loadAndCheck(options.projectDir());
        ResolvedProject resolved = options.conditionalAccessState().map(checked::withConditionalAccessState).orElse(checked);
        Ir ir = Compiler.compile(resolved);
        OutputTree tree = new OutputTree();
        tree.add("ir.json", IrJson.write(ir));
        TerraformEmitter.Result terraform = new TerraformEmitter(templates).emitInto(ir, resolved, tree);
        // application layer: the OPA bundle, its generated tests and PEP configuration
        OpaBundleEmitter.emit(ir, resolved, OpaSamples.of(resolved), bundleSigner(options), templates)
                .forEach(tree::add);
        carryOverReports(out, tree);
        tree.commit(out);
        return new CompileResult(ir, tree, CompileSummary.of(ir, terraform.notes()), terraform.files().size());
    }

    /**
     * The output is replaced as a whole, but {@code reports/} holds what later commands wrote (drift's reports and
     * its history, whose trend must survive a recompile), not what compile generates: it moves into the new output.
     * Only from a directory ztc wrote; anything else is refused by the commit anyway.
     */
    private static void carryOverReports(Path out, OutputTree tree) throws IOException {
        Path reports = out.resolve("reports");
        if (!Files.isRegularFile(out.resolve(OutputTree.MARKER)) || !Files.isDirectory(reports)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(reports)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                tree.add(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
    }

    /** The signer for --signing-key; a key ztc cannot read or use is an input error. */
    private static Optional<BundleSigner> bundleSigner(CompileOptions options) throws InputException {
        if (options.signingKey().isEmpty()) {
            return Optional.empty();
        }
        Path key = options.signingKey().get();
        try {
            return Optional.of(BundleSigner.fromPem(Files.readString(key), BundleSigner.DEFAULT_KEY_ID));
        } catch (IOException | IllegalArgumentException e) {
            throw InputException.of(SourceLocation.of(key.toString()), ErrorCode.INVALID_VALUE,
                    "--signing-key: " + (e instanceof IOException ? "cannot read: " : "") + e.getMessage());
        }
    }

    /**
     * load → check → compile, then every verify check over the IR, the generated files and the Conditional Access
     * plan. The files are those under {@code options.out()} (compiled first when missing or stale; hand edits are
     * judged), or emitted in memory when it is empty. {@code clock} decides when suppressions expire.
     */
    public static VerifyReport verify(VerifyOptions options, Clock clock) throws InputException, IOException {
        List<Check> checks = options.externalTools() ? CheckRegistry.all() : CheckRegistry.builtIn();
        return Verifier.verify(verifyContext(options, clock), checks, options.projectDir().toString());
    }

    /**
     * What the checks read. The IR always comes from compiling the project in memory: it is the reference the files
     * are judged against, so a hand-edited {@code ir.json} cannot vouch for hand-edited Terraform. Tests tamper with
     * the context before verifying.
     */
    public static VerifyContext verifyContext(VerifyOptions options, Clock clock) throws InputException, IOException {
        if (options.out().isEmpty()) {
            return inMemoryContext(options.projectDir(), options.templates(), clock);
        }
        ResolvedProject resolved = loadAndCheck(options.projectDir());
        Ir ir = Compiler.compile(resolved);
        Map<String, String> artifacts = VerifyArtifacts.onDisk(options.compileOptions());
        ConditionalAccessPlan reference = new ConditionalAccessPlanner(resolved).plan(ir.workforceIdentity());
        // the Conditional Access checks judge the plan, so on disk it is the one the module declares
        return new VerifyContext(resolved, ir, artifacts, OnDiskConditionalAccess.plan(artifacts, reference), clock);
    }

    /** The project compiled and emitted in memory; nothing is read from or written to an output directory. */
    private static VerifyContext inMemoryContext(Path projectDir, Optional<Path> templates, Clock clock) throws InputException {
        ResolvedProject resolved = loadAndCheck(projectDir);
        Ir ir = Compiler.compile(resolved);
        return context(resolved, ir, VerifyArtifacts.inMemory(ir, resolved, Templates.of(templates)), clock);
    }

    private static VerifyContext context(ResolvedProject resolved, Ir ir, Map<String, String> artifacts, Clock clock)
            throws InputException {
        ConditionalAccessPlan plan = new ConditionalAccessPlanner(resolved).plan(ir.workforceIdentity());
        return new VerifyContext(resolved, ir, artifacts, plan, clock);
    }

    /**
     * The plan's resource changes judged against the project compiled in memory (as verify compiles it; nothing
     * is written). A plan that cannot be read or is not a 1.x plan is an input error located in the plan file.
     */
    public static VerifyReport planCheck(PlanCheckOptions options, Clock clock) throws InputException {
        String file = options.plan().toString();
        String text;
        try {
            text = Files.readString(options.plan(), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw InputException.of(SourceLocation.of(file), ErrorCode.MISSING_FILE, "cannot read the plan: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        TerraformPlan plan = TerraformPlan.read(file, text);
        PlanIntent intent = planIntent(options.projectDir(), options.templates(), clock);
        return Verifier.report("plan-check", intent.context(), PlanCheck.all(), PlanChecker.check(plan, intent),
                options.projectDir().toString());
    }

    /** What a plan is judged against: the project compiled in memory, keyed by Terraform address. */
    public static PlanIntent planIntent(Path projectDir, Optional<Path> templates, Clock clock) throws InputException {
        VerifyContext context = inMemoryContext(projectDir, templates, clock);
        return PlanIntent.of(context, Optional.of(bundleMd5(context, templates)));
    }

    /** The MD5 of the bundle tarball compile writes (unsigned), which the opa-bundle module uploads with that etag. */
    private static String bundleMd5(VerifyContext context, Optional<Path> templatesDir) throws InputException {
        byte[] tarball = OpaBundleEmitter.emit(context.ir(), context.project(), OpaSamples.of(context.project()),
                Optional.empty(), Templates.of(templatesDir)).get("opa/bundle.tar.gz");
        if (tarball == null) {
            return "";
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(tarball));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /**
     * Every sample request (and each rule's boundary requests) decided by the intent and by every layer's emitted
     * artifact, each layer judged against the intent. Compiles first when the output is missing or stale.
     */
    public static ValidationReport validate(ValidateOptions options) throws InputException, IOException, UnreadableArtifactException {
        ResolvedProject resolved = loadAndCheck(options.projectDir());
        CompileOptions compile = options.compileOptions();
        CompiledOutput.ensure(compile);
        Map<String, String> artifacts = CompiledOutput.read(compile.outputDir());
        String irJson = artifacts.get("ir.json");
        if (irJson == null) {
            throw new UnreadableArtifactException("ir.json", "is missing from " + compile.outputDir());
        }
        Ir ir;
        try {
            ir = IrJson.read(irJson);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableArtifactException("ir.json", "cannot be read: " + e.getMessage());
        }
        Validator validator = new Validator(resolved, ir);
        return validator.validate(validator.cases(options.boundary()), LayerEvaluators.of(resolved, artifacts, options),
                options.projectDir().toString());
    }

    /**
     * Reads what is live from every configured source, compares each layer with the compiled intent (compiled first
     * when missing or stale), writes the reports and appends the run to the history. {@code clock} stamps the report
     * and decides when suppressions expire. A source that cannot be read makes its layer unknown, not an exception.
     */
    public static DriftReport drift(DriftOptions options, Clock clock) throws InputException, IOException, DriftSettingException {
        return DriftRun.run(options, clock);
    }

    /** Stages load and check, reporting the problems of both in one run. */
    public static ResolvedProject loadAndCheck(Path projectDir) throws InputException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Project> project = ProjectLoader.load(projectDir, diagnostics);
        ResolvedProject resolved = project.map(p -> ProjectChecker.check(p, diagnostics)).orElse(null);
        diagnostics.throwIfErrors();
        return resolved;
    }

    /** The output directory is replaced wholesale, so it must never be the project or hold it. */
    private static void refuseUnsafeOutput(Path projectDir, Path out) throws InputException {
        Path project = projectDir.toAbsolutePath().normalize();
        Path target = out.toAbsolutePath().normalize();
        if (project.startsWith(target)) {
            throw InputException.of(SourceLocation.of(out.toString()), ErrorCode.INVALID_VALUE,
                    "--out must not be the project directory or contain it: it is replaced on every run");
        }
    }
}
