package dev.ztc.compile;

import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.ir.Ir;
import dev.ztc.model.Condition;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Subject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Stage "compile": a checked project in, the IR out. The steps run in this order, each reading only the
 * checked project, so that each layer can be read (and tested) on its own:
 * <ol>
 *   <li>provenance: each matrix rule, where it was written and which layers realize it;</li>
 *   <li>network: security groups and flows (CIDRs aggregated);</li>
 *   <li>cloud identity: IAM roles and statements;</li>
 *   <li>workforce identity: Conditional Access per app;</li>
 *   <li>application: OPA routes;</li>
 *   <li>gaps: the conditions a realizing layer cannot express, to be reported, never dropped.</li>
 * </ol>
 */
public final class Compiler {

    private Compiler() {
    }

    public static Ir compile(ResolvedProject project) {
        Networks networks = new Networks(project);
        return new Ir(Ir.FORMAT_VERSION, project.organization(),
                provenance(project),
                new NetworkCompiler(project, networks).compile(),
                new IamCompiler(project, networks).compile(),
                new ConditionalAccessCompiler(project).compile(),
                new ApplicationCompiler(project, networks).compile(),
                gaps(project));
    }

    private static List<Ir.RuleSummary> provenance(ResolvedProject project) {
        return project.rules().stream()
                .map(rule -> new Ir.RuleSummary(rule.id(), relative(rule.at()), rule.who().ref(), rule.can().text(),
                        "asset:" + rule.what(), Enforcement.layers(project, rule).stream().map(EnforcementLayer::label).toList()))
                .sorted(Comparator.comparing(Ir.RuleSummary::id))
                .toList();
    }

    /** Provenance names the file within the project, so the IR does not depend on where ztc was started. */
    private static String relative(dev.ztc.diag.SourceLocation at) {
        Path file = Path.of(at.file()).getFileName();
        return (file == null ? at.file() : file.toString()) + ":" + at.line() + ":" + at.column();
    }

    private static List<Ir.Gap> gaps(ResolvedProject project) {
        List<Ir.Gap> gaps = new ArrayList<>();
        for (MatrixRule rule : project.rules()) {
            Set<EnforcementLayer> layers = Enforcement.layers(project, rule);
            for (EnforcementLayer layer : layers) {
                for (Condition condition : Condition.present(rule.when())) {
                    if (!Enforcement.expresses(layer, condition)) {
                        gaps.add(new Ir.Gap(rule.id(), layer.label(), condition.label(), reason(layer, condition)));
                    }
                }
            }
            gaps.addAll(approximations(project, rule, layers));
        }
        gaps.sort(Comparator.comparing(Ir.Gap::ruleId).thenComparing(Ir.Gap::layer).thenComparing(Ir.Gap::condition));
        return gaps;
    }

    /** Where a layer expresses a condition only approximately, or misses what the subject itself implies. */
    private static List<Ir.Gap> approximations(ResolvedProject project, MatrixRule rule, Set<EnforcementLayer> layers) {
        List<Ir.Gap> gaps = new ArrayList<>();
        var shortJit = rule.when().jitMaxSession().filter(d -> d.compareTo(IamCompiler.MIN_SESSION) < 0);
        if (layers.contains(EnforcementLayer.CLOUD_IDENTITY) && shortJit.isPresent()) {
            gaps.add(new Ir.Gap(rule.id(), EnforcementLayer.CLOUD_IDENTITY.label(), Condition.JIT.label(),
                    "IAM sessions last at least 1h; the role's maximum session is 1h, longer than jit asks"));
        }
        if (layers.contains(EnforcementLayer.WORKFORCE_IDENTITY) && shortJit.isPresent()) {
            gaps.add(new Ir.Gap(rule.id(), EnforcementLayer.WORKFORCE_IDENTITY.label(), Condition.JIT.label(),
                    "Conditional Access sign-in frequency is at least 1h, longer than jit asks"));
        }
        if (layers.contains(EnforcementLayer.WORKFORCE_IDENTITY) && rule.when().device()
                .map(project.devices()::get).filter(d -> d.encrypted().orElse(false) || !d.minOs().isEmpty()).isPresent()) {
            gaps.add(new Ir.Gap(rule.id(), EnforcementLayer.WORKFORCE_IDENTITY.label(), Condition.DEVICE.label(),
                    "Conditional Access checks Intune compliance only; the posture's encryption and minimum OS "
                            + "versions hold only if the compliance policy requires them"));
        }
        if (layers.contains(EnforcementLayer.CLOUD_IDENTITY) && rule.who().kind() == Subject.Kind.SERVICE) {
            gaps.add(new Ir.Gap(rule.id(), EnforcementLayer.CLOUD_IDENTITY.label(), "segment",
                    "IAM does not pin a workload's credentials to its segment; a leaked credential works from anywhere"));
        }
        return gaps;
    }

    private static String reason(EnforcementLayer layer, Condition condition) {
        return switch (layer) {
            case NETWORK -> "security groups match addresses and ports only";
            case CLOUD_IDENTITY -> condition == Condition.HOURS
                    ? "IAM has no recurring time-of-day condition"
                    : "IAM has no sign-in risk signal";
            case WORKFORCE_IDENTITY -> "Conditional Access has no time-of-day condition";
            case APPLICATION -> "the application layer expresses every condition";
        };
    }
}
