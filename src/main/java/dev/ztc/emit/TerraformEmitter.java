package dev.ztc.emit;

import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.InputException;
import dev.ztc.ir.Ir;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Emits {@code terraform/}: a root module wiring {@code modules/network} (security groups) and
 * {@code modules/iam} (roles and managed policies) and, when the matrix grants Entra apps,
 * {@code modules/conditional-access}. Models are prepared by {@link RootModule},
 * {@link NetworkModule} and {@link IamModule}; templates only print them.
 */
public final class TerraformEmitter {

    public static final String DIR = "terraform";
    private static final String[] MODULE_FILES = {"main.tf", "variables.tf", "outputs.tf", "README.md"};

    private final Templates templates;

    public TerraformEmitter(Templates templates) {
        this.templates = templates;
    }

    /** What one emit produced: the files (relative to {@code terraform/}) and notes for the compile summary. */
    public record Result(Map<String, String> files, List<String> notes) {
    }

    private Result render(Ir ir, ResolvedProject project) throws InputException {
        NetworkModule.Model network = NetworkModule.of(ir, project);
        IamModule.Model iam = IamModule.of(ir, project);
        ConditionalAccessModule.Model access = ConditionalAccessModule.of(ir, project);
        boolean hasAccess = !access.policies().isEmpty();
        boolean hasBundle = OpaBundleModule.applies(ir);
        RootModule.Model root = RootModule.of(ir, project, hasAccess, hasBundle);
        Map<String, String> files = new TreeMap<>();
        for (String file : new String[] {"main.tf", "variables.tf", "outputs.tf"}) {
            files.put(file, templates.render("terraform/root/" + file + ".ftl", root));
        }
        // the root and the modules pin the same Terraform and provider versions
        files.put("versions.tf", templates.render("terraform/versions.tf.ftl", root));
        String versions = templates.render("terraform/versions.tf.ftl", root.awsOnly());
        for (String file : MODULE_FILES) {
            files.put("modules/network/" + file, templates.render("terraform/network/" + file + ".ftl", network));
            files.put("modules/iam/" + file, templates.render("terraform/iam/" + file + ".ftl", iam));
        }
        files.put("modules/network/versions.tf", versions);
        files.put("modules/iam/versions.tf", versions);
        if (hasBundle) {
            OpaBundleModule.Model bundle = OpaBundleModule.of(ir);
            for (String file : MODULE_FILES) {
                files.put("modules/opa-bundle/" + file, templates.render("terraform/opa-bundle/" + file + ".ftl", bundle));
            }
            files.put("modules/opa-bundle/versions.tf", versions);
        }
        if (hasAccess) {
            for (String file : new String[] {"main.tf", "variables.tf", "outputs.tf", "README.md", "versions.tf"}) {
                files.put("modules/conditional-access/" + file,
                        templates.render("terraform/conditional-access/" + file + ".ftl", access));
            }
        }
        for (IamModule.Policy policy : iam.policies()) {
            files.put("modules/iam/policies/" + policy.file(), templates.render("terraform/iam/policy.json.ftl", policy));
        }
        return new Result(files, access.notes());
    }

    /** Adds the Terraform files to {@code tree} under {@code terraform/}. */
    public Result emitInto(Ir ir, ResolvedProject project, OutputTree tree) throws InputException {
        Result result = render(ir, project);
        result.files().forEach((path, content) -> tree.add(DIR + "/" + path, content));
        return result;
    }
}
