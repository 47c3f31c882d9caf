package dev.ztc.emit;

import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.InputException;
import dev.ztc.ir.Ir;

import java.util.Map;
import java.util.TreeMap;

/**
 * Emits {@code terraform/}: a root module wiring {@code modules/network} (security groups) and
 * {@code modules/iam} (roles and managed policies). Models are prepared by {@link RootModule},
 * {@link NetworkModule} and {@link IamModule}; templates only print them.
 */
public final class TerraformEmitter {

    public static final String DIR = "terraform";
    private static final String[] MODULE_FILES = {"main.tf", "variables.tf", "outputs.tf", "README.md"};

    private final Templates templates;

    public TerraformEmitter(Templates templates) {
        this.templates = templates;
    }

    /** Relative path (under {@code terraform/}) → content, sorted by path. */
    public Map<String, String> emit(Ir ir, ResolvedProject project) throws InputException {
        RootModule.Model root = RootModule.of(ir, project);
        NetworkModule.Model network = NetworkModule.of(ir, project);
        IamModule.Model iam = IamModule.of(ir, project);
        Map<String, String> files = new TreeMap<>();
        for (String file : new String[] {"main.tf", "variables.tf", "outputs.tf"}) {
            files.put(file, templates.render("terraform/root/" + file + ".ftl", root));
        }
        // the root and both modules pin the same Terraform and provider versions
        String versions = templates.render("terraform/versions.tf.ftl", root);
        files.put("versions.tf", versions);
        for (String file : MODULE_FILES) {
            files.put("modules/network/" + file, templates.render("terraform/network/" + file + ".ftl", network));
            files.put("modules/iam/" + file, templates.render("terraform/iam/" + file + ".ftl", iam));
        }
        files.put("modules/network/versions.tf", versions);
        files.put("modules/iam/versions.tf", versions);
        for (IamModule.Policy policy : iam.policies()) {
            files.put("modules/iam/policies/" + policy.file(), templates.render("terraform/iam/policy.json.ftl", policy));
        }
        return files;
    }

    /** Adds the Terraform files to {@code tree} under {@code terraform/}; returns how many. */
    public int emitInto(Ir ir, ResolvedProject project, OutputTree tree) throws InputException {
        Map<String, String> files = emit(ir, project);
        files.forEach((path, content) -> tree.add(DIR + "/" + path, content));
        return files.size();
    }
}
