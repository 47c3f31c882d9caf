package dev.ztc.compile;

import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.ir.Ir;
import dev.ztc.model.Condition;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;

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
            if (layers.contains(EnforcementLayer.CLOUD_IDENTITY) && rule.when().jitMaxSession()
                    .filter(d -> d.compareTo(IamCompiler.MIN_SESSION) < 0).isPresent()) {
                gaps.add(new Ir.Gap(rule.id(), EnforcementLayer.CLOUD_IDENTITY.label(), Condition.JIT.label(),
                        "IAM sessions last at least 1h; the role's maximum session is 1h, longer than jit asks"));
            }
        }
        gaps.sort(Comparator.comparing(Ir.Gap::ruleId).thenComparing(Ir.Gap::layer).thenComparing(Ir.Gap::condition));
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
