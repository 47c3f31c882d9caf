package dev.ztc;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

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
                .layer("core").definedBy("dev.ztc.core..")
                .layer("verify").definedBy("dev.ztc.verify..")
                .layer("validate").definedBy("dev.ztc.validate..")
                .layer("artifact").definedBy("dev.ztc.artifact..")
                .layer("emit").definedBy("dev.ztc.emit..")
                .layer("compile").definedBy("dev.ztc.compile..")
                .layer("ir").definedBy("dev.ztc.ir..")
                .layer("intent").definedBy("dev.ztc.intent..")
                .layer("check").definedBy("dev.ztc.check..")
                .layer("load").definedBy("dev.ztc.load..")
                .layer("model").definedBy("dev.ztc.model..")
                .layer("diag").definedBy("dev.ztc.diag..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("core").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("verify").mayOnlyBeAccessedByLayers("core", "cli")
                .whereLayer("validate").mayOnlyBeAccessedByLayers("core", "cli")
                .whereLayer("artifact").mayOnlyBeAccessedByLayers("verify", "validate", "core", "cli")
                .whereLayer("emit").mayOnlyBeAccessedByLayers("artifact", "verify", "validate", "core", "cli")
                .whereLayer("compile").mayOnlyBeAccessedByLayers("verify", "core", "cli")
                .whereLayer("ir").mayOnlyBeAccessedByLayers("compile", "emit", "artifact", "verify", "validate", "core", "cli")
                .whereLayer("intent").mayOnlyBeAccessedByLayers("verify", "validate", "core", "cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("compile", "intent", "emit", "artifact", "verify", "validate", "core", "cli")
                .whereLayer("load").mayOnlyBeAccessedByLayers("check", "compile", "intent", "emit", "artifact", "verify", "validate", "core", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("load", "check", "compile", "intent", "emit", "artifact", "verify", "validate", "core", "cli")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.ztc.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
