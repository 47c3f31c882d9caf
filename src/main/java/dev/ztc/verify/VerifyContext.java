package dev.ztc.verify;

import dev.ztc.artifact.EmittedBundleData;
import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.SourceLocation;
import dev.ztc.emit.ca.ConditionalAccessPlan;
import dev.ztc.ir.Ir;
import dev.ztc.model.MatrixRule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the checks read: the checked project (the intent), its IR, the generated files (paths relative to the
 * output directory, e.g. {@code terraform/modules/iam/policies/sre-1.json} or {@code opa/data.json}; binary files such
 * as the bundle tarball left out) and the Conditional Access plan the
 * Terraform was printed from (read back from the module when the files are a compiled output on disk). Checks re-read the files rather than trusting the IR, so that an emitter bug is
 * caught. {@code clock} decides what "today" is for suppression expiry.
 */
public final class VerifyContext {

    private final ResolvedProject project;
    private final Ir ir;
    private final Map<String, String> artifacts;
    private final ConditionalAccessPlan plan;
    private final Clock clock;
    private final Map<String, MatrixRule> rules;
    private List<EmittedPolicy> policies;
    private List<EmittedSecurityGroupRule> securityGroupRules;
    private EmittedBundleData bundleData;

    public VerifyContext(ResolvedProject project, Ir ir, Map<String, String> artifacts, ConditionalAccessPlan plan,
                         Clock clock) {
        this.project = project;
        this.ir = ir;
        this.artifacts = Collections.unmodifiableMap(new TreeMap<>(artifacts));
        this.plan = plan;
        this.clock = clock;
        this.rules = project.rules().stream().collect(Collectors.toMap(MatrixRule::id, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** The same context with one generated file replaced (or added); tests use it to tamper with an artifact. */
    public VerifyContext withArtifact(String path, String content) {
        Map<String, String> changed = new TreeMap<>(artifacts);
        changed.put(path, content);
        return new VerifyContext(project, ir, changed, plan, clock);
    }

    public VerifyContext withoutArtifact(String path) {
        Map<String, String> changed = new TreeMap<>(artifacts);
        changed.remove(path);
        return new VerifyContext(project, ir, changed, plan, clock);
    }

    public VerifyContext withPlan(ConditionalAccessPlan changed) {
        return new VerifyContext(project, ir, artifacts, changed, clock);
    }

    public ResolvedProject project() {
        return project;
    }

    public Ir ir() {
        return ir;
    }

    public Map<String, String> artifacts() {
        return artifacts;
    }

    public ConditionalAccessPlan plan() {
        return plan;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Optional<MatrixRule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The IAM policy documents as emitted, parsed; one entry per statement. */
    public List<EmittedPolicy> policies() {
        if (policies == null) {
            policies = EmittedPolicy.read(artifacts, ir);
        }
        return policies;
    }

    /** The security group rules as emitted in {@code modules/network/main.tf}, parsed. */
    public List<EmittedSecurityGroupRule> securityGroupRules() {
        if (securityGroupRules == null) {
            securityGroupRules = EmittedSecurityGroupRule.read(artifacts);
        }
        return securityGroupRules;
    }

    /** The OPA bundle's {@code opa/data.json} as emitted, parsed. */
    public EmittedBundleData bundleData() {
        if (bundleData == null) {
            bundleData = EmittedBundleData.read(artifacts);
        }
        return bundleData;
    }

    /**
     * Where the user fixes a finding about some rules: the first of them in the matrix; the matrix file itself
     * when none of them exists (an artifact naming an unknown rule).
     */
    public SourceLocation locationOf(Collection<String> ruleIds) {
        return ruleIds.stream().map(rules::get).filter(java.util.Objects::nonNull).map(MatrixRule::at)
                .min(SourceLocation::compareTo).orElse(matrixFile());
    }

    public SourceLocation matrixFile() {
        return SourceLocation.of(project.project().matrix().at().file());
    }
}
