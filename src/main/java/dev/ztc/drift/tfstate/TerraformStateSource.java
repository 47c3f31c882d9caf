package dev.ztc.drift.tfstate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.DisplayPaths;
import dev.ztc.drift.DriftSource;
import dev.ztc.drift.LayerState;
import dev.ztc.drift.StateObject;
import dev.ztc.model.EnforcementLayer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a Terraform state says is live: the JSON of {@code terraform show -json} of a state (format 1.x), read into
 * drift's normal form for the layers whose resources ztc emits and the state holds: security groups and their
 * rules, IAM roles, policies and attachments, Conditional Access policies and named locations. One
 * {@link LayerState} per layer present. The state is what Terraform last saw (after {@code terraform refresh}: what
 * the cloud held then), not a live read; it needs no credentials, which is what makes it useful in CI.
 *
 * <p>The OPA bundle's S3 object is not read: the state holds the uploaded file's MD5, not the bundle revision the
 * {@code opa-bundle} object compares, and a running OPA ({@code OpaServerSource}) is the better witness anyway.
 *
 * <p>A file that cannot be read, is not JSON ({@code file:line:col: why}) or is not a state
 * ({@code file: $.values...: why}) makes every layer this source could speak for unreadable.
 */
public final class TerraformStateSource implements DriftSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<EnforcementLayer> LAYERS = List.of(EnforcementLayer.NETWORK, EnforcementLayer.CLOUD_IDENTITY,
            EnforcementLayer.WORKFORCE_IDENTITY);
    private static final Set<String> NETWORK = Set.of("aws_security_group", "aws_vpc_security_group_ingress_rule",
            "aws_vpc_security_group_egress_rule");
    private static final Set<String> CLOUD_IDENTITY = Set.of("aws_iam_role", "aws_iam_policy", "aws_iam_role_policy_attachment");
    private static final Set<String> WORKFORCE_IDENTITY = Set.of("azuread_conditional_access_policy", "azuread_named_location");

    private final Path stateJson;
    private final ResolvedProject project;
    private final String file;

    public TerraformStateSource(Path stateJson, ResolvedProject project) {
        this.stateJson = stateJson;
        this.project = project;
        this.file = DisplayPaths.relative(stateJson.toString());
    }

    @Override
    public String name() {
        return "terraform-state " + file;
    }

    @Override
    public List<LayerState> read() {
        List<StateResource> resources;
        try {
            resources = resources(JSON.readTree(Files.readString(stateJson)));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? file : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            return unreadable(where + ": not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return unreadable(file + ": cannot be read: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        } catch (StateResource.StateFormatException e) {
            return unreadable(file + ": " + e.getMessage());
        }
        List<LayerState> out = new ArrayList<>();
        AwsStateObjects aws = new AwsStateObjects(project.organization());
        if (present(resources, NETWORK)) {
            out.add(LayerState.read(EnforcementLayer.NETWORK, name(), aws.network(resources)));
        }
        if (present(resources, CLOUD_IDENTITY)) {
            try {
                out.add(LayerState.read(EnforcementLayer.CLOUD_IDENTITY, name(), aws.identity(resources)));
            } catch (StateResource.StateFormatException e) {
                out.add(LayerState.unreadable(EnforcementLayer.CLOUD_IDENTITY, name(), file + ": " + e.getMessage()));
            }
        }
        if (present(resources, WORKFORCE_IDENTITY)) {
            List<StateObject> objects = new ConditionalAccessStateObjects(project).read(resources);
            out.add(LayerState.read(EnforcementLayer.WORKFORCE_IDENTITY, name(), objects));
        }
        return out;
    }

    /** The instances of the state's module tree; a plan, or a format this reader does not know, is refused. */
    private static List<StateResource> resources(JsonNode root) throws StateResource.StateFormatException {
        if (!root.isObject()) {
            throw new StateResource.StateFormatException("$ is not an object");
        }
        if (root.has("planned_values") || root.has("resource_changes")) {
            throw new StateResource.StateFormatException("is a plan, not a state: give the JSON of `terraform show -json` without a plan file");
        }
        String version = root.path("format_version").asText("");
        if (!version.startsWith("1.")) {
            throw new StateResource.StateFormatException("$.format_version is '" + version + "', not 1.x"
                    + (root.has("version") ? " (this looks like a raw terraform.tfstate: give `terraform show -json` of it)" : ""));
        }
        JsonNode values = root.path("values");
        if (values.isMissingNode()) {
            return List.of(); // an empty state: terraform show -json writes no values at all
        }
        return StateResource.all(values.path("root_module"), "$.values.root_module");
    }

    private static boolean present(List<StateResource> resources, Set<String> types) {
        return resources.stream().anyMatch(r -> r.mode().equals("managed") && types.contains(r.type()));
    }

    private List<LayerState> unreadable(String why) {
        return LAYERS.stream().map(layer -> LayerState.unreadable(layer, name(), why)).toList();
    }
}
