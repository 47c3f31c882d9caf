package dev.ztc;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Data flows one way through the pipeline's packages (DESIGN.md, "Pipeline"); no cycles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ztc");

    @Test
    void stagesOnlyReadEarlierStages() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("cli").definedBy("dev.ztc.cli..")
                .layer("maven").definedBy("dev.ztc.maven..")
                .layer("core").definedBy("dev.ztc.core..")
                .layer("verify").definedBy("dev.ztc.verify..")
                .layer("validate").definedBy("dev.ztc.validate..")
                .layer("plan").definedBy("dev.ztc.plan..")
                .layer("artifact").definedBy("dev.ztc.artifact..")
                .layer("report").definedBy("dev.ztc.drift.report..")
                // drift and its sources, whatever sub-packages they grow (aws, graph, tfstate...), but not its reports
                .layer("drift").definedBy(resideInAPackage("dev.ztc.drift..").and(not(resideInAPackage("dev.ztc.drift.report.."))))
                .layer("emit").definedBy("dev.ztc.emit..")
                .layer("compile").definedBy("dev.ztc.compile..")
                .layer("ir").definedBy("dev.ztc.ir..")
                .layer("intent").definedBy("dev.ztc.intent..")
                .layer("check").definedBy("dev.ztc.check..")
                .layer("load").definedBy("dev.ztc.load..")
                .layer("model").definedBy("dev.ztc.model..")
                .layer("diag").definedBy("dev.ztc.diag..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("maven").mayNotBeAccessedByAnyLayer()
                .whereLayer("core").mayOnlyBeAccessedByLayers("cli", "maven")
                .whereLayer("verify").mayOnlyBeAccessedByLayers("plan", "core", "cli", "maven")
                .whereLayer("validate").mayOnlyBeAccessedByLayers("core", "cli", "maven")
                .whereLayer("report").mayOnlyBeAccessedByLayers("core", "cli", "maven")
                .whereLayer("drift").mayOnlyBeAccessedByLayers("report", "core", "cli", "maven")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("core", "cli", "maven")
                .whereLayer("artifact").mayOnlyBeAccessedByLayers("plan", "drift", "verify", "validate", "core", "cli", "maven")
                .whereLayer("emit").mayOnlyBeAccessedByLayers("plan", "report", "drift", "artifact", "verify", "validate", "core", "cli", "maven")
                .whereLayer("compile").mayOnlyBeAccessedByLayers("verify", "core", "cli", "maven")
                .whereLayer("ir").mayOnlyBeAccessedByLayers("plan", "drift", "compile", "emit", "artifact", "verify", "validate", "core", "cli", "maven")
                .whereLayer("intent").mayOnlyBeAccessedByLayers("plan", "drift", "verify", "validate", "core", "cli", "maven")
                .whereLayer("check").mayOnlyBeAccessedByLayers("plan", "drift", "compile", "intent", "emit", "artifact", "verify", "validate", "core", "cli", "maven")
                .whereLayer("load").mayOnlyBeAccessedByLayers("plan", "drift", "check", "compile", "intent", "emit", "artifact", "verify", "validate", "core", "cli", "maven")
                .whereLayer("model").mayOnlyBeAccessedByLayers("plan", "report", "drift", "load", "check", "compile", "intent", "emit", "artifact", "verify", "validate", "core", "cli", "maven")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.ztc.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
