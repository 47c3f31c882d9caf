package dev.ztc.load;

import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.model.Asset;
import dev.ztc.model.DeviceProfile;
import dev.ztc.model.Group;
import dev.ztc.model.Inventory;
import dev.ztc.model.NamedNetwork;
import dev.ztc.model.Sensitivity;
import dev.ztc.model.Service;
import dev.ztc.model.User;
import dev.ztc.model.Versions;
import dev.ztc.model.WorkloadRuntime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Binds the {@code inventory} document to the model; references between elements are checked later. */
final class InventoryBinder {

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-[0-9]");
    private static final Pattern VPC = Pattern.compile("vpc-[0-9a-f]{8,17}");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:[A-Za-z0-9_./:+=@-]+");
    private static final Pattern BASE_PATH = Pattern.compile("/|(/[A-Za-z0-9._~-]+)+");

    private final Diagnostics diagnostics;

    InventoryBinder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Optional<Inventory> bind(Node root) {
        return MapReader.of(root, diagnostics, "the inventory").map(this::inventory);
    }

    private Inventory inventory(MapReader r) {
        int version = Binding.version(r);
        String organization = Binding.safeId(r, "organization", r.requiredString("organization")).orElse("unnamed");
        Optional<MapReader> clouds = r.map("clouds", "clouds");
        Optional<Inventory.AwsAccount> aws = clouds.flatMap(c -> c.map("aws", "clouds.aws")).map(this::aws);
        Optional<Inventory.AzureTenant> azure = clouds.flatMap(c -> c.map("azure", "clouds.azure")).map(this::azure);
        clouds.ifPresent(MapReader::finish);

        Optional<MapReader> identities = r.map("identities", "identities");
        List<Group> groups = identities.map(i -> i.each("groups", "group", this::group)).orElse(List.of());
        List<User> users = identities.map(i -> i.each("users", "user", this::user)).orElse(List.of());
        List<Service> services = identities.map(i -> i.each("services", "service", this::service)).orElse(List.of());
        identities.ifPresent(MapReader::finish);

        List<DeviceProfile> devices = r.each("devices", "device", this::device);

        Optional<MapReader> networks = r.map("networks", "networks");
        List<NamedNetwork> locations = networks.map(n -> n.each("locations", "location", this::network)).orElse(List.of());
        List<NamedNetwork> segments = networks.map(n -> n.each("segments", "segment", this::network)).orElse(List.of());
        networks.ifPresent(MapReader::finish);

        List<Asset> assets = r.each("assets", "asset", this::asset);
        r.finish();
        return new Inventory(version, organization, aws, azure, groups, users, services, devices, locations, segments,
                assets, r.location());
    }

    private Inventory.AwsAccount aws(MapReader r) {
        String account = Binding.matching(r, "account_id", ACCOUNT, "12 digits (quote it in YAML)").orElse("");
        String region = Binding.matching(r, "region", REGION, "an AWS region such as eu-west-1").orElse("");
        String vpc = Binding.matching(r, "vpc_id", VPC, "a VPC id such as vpc-0abc1234").orElse("");
        r.finish();
        return new Inventory.AwsAccount(account, region, vpc, r.location());
    }

    private Inventory.AzureTenant azure(MapReader r) {
        String tenant = Binding.uuid(r, "tenant_id").orElse("");
        List<String> breakGlass = new java.util.ArrayList<>();
        for (MapReader.Located<String> id : r.strings("break_glass")) {
            if (Binding.UUID.matcher(id.value()).matches()) {
                breakGlass.add(id.value().toLowerCase(Locale.ROOT));
            } else {
                diagnostics.error(id.at(), ErrorCode.INVALID_VALUE, "break_glass lists Entra user object ids (GUIDs), not '"
                        + Names.printable(id.value()) + "'");
            }
        }
        r.finish();
        return new Inventory.AzureTenant(tenant, breakGlass.stream().distinct().sorted().toList(), r.location());
    }

    private Optional<Group> group(MapReader r) {
        Optional<String> id = Binding.id(r);
        Optional<String> azureGroup = r.string("azure_group");
        Optional<String> azureGroupId = Binding.uuid(r, "azure_group_id");
        Optional<String> awsRole = Binding.optionalSafeId(r, "aws_role");
        r.finish();
        return id.map(i -> new Group(i, azureGroup, azureGroupId, awsRole, r.location()));
    }

    private Optional<User> user(MapReader r) {
        Optional<String> id = Binding.id(r);
        Optional<String> upn = r.string("upn");
        List<String> groups = r.strings("groups").stream().map(MapReader.Located::value).toList();
        Optional<String> awsRole = Binding.optionalSafeId(r, "aws_role");
        r.finish();
        return id.map(i -> new User(i, upn, groups, awsRole, r.location()));
    }

    private Optional<Service> service(MapReader r) {
        Optional<String> id = Binding.id(r);
        Optional<String> segment = r.requiredString("segment");
        Optional<String> awsRole = Binding.optionalSafeId(r, "aws_role");
        WorkloadRuntime runsOn = r.string("runs_on").flatMap(text -> runtime(r, text)).orElse(WorkloadRuntime.DEFAULT);
        r.finish();
        return id.flatMap(i -> segment.map(s -> new Service(i, s, awsRole, runsOn, r.location())));
    }

    private Optional<WorkloadRuntime> runtime(MapReader r, String text) {
        Optional<WorkloadRuntime> runtime = WorkloadRuntime.ofLabel(text);
        if (runtime.isEmpty()) {
            r.error("runs_on", ErrorCode.INVALID_VALUE, "runs_on '" + Names.printable(text)
                    + "' is not one of ec2, ecs-task, lambda, eks-pod");
        }
        return runtime;
    }

    private Optional<DeviceProfile> device(MapReader r) {
        Optional<String> id = Binding.id(r);
        Optional<Boolean> compliant = r.bool("compliant");
        Optional<Boolean> encrypted = r.bool("encrypted");
        Map<String, String> minOs = new TreeMap<>();
        r.node("min_os").ifPresent(node -> {
            if (node instanceof Node.MapNode map) {
                for (Node.Field f : map.fields().values()) {
                    String os = f.key().toLowerCase(Locale.ROOT);
                    String version = f.value() instanceof Node.ScalarNode s ? s.text() : "";
                    if (!Names.isSafeId(os)) {
                        diagnostics.error(f.keyLocation(), ErrorCode.UNSAFE_IDENTIFIER, "OS name '" + Names.printable(f.key()) + "' is not a simple name");
                    } else if (!Versions.isValid(version)) {
                        diagnostics.error(f.value().location(), ErrorCode.INVALID_VALUE, "minimum " + os
                                + " version must be numbers separated by dots (like \"14.0\"), not '" + Names.printable(version) + "'");
                    } else {
                        minOs.put(os, version);
                    }
                }
            } else {
                diagnostics.error(node.location(), ErrorCode.WRONG_TYPE, "'min_os' must be a mapping of OS to version, not " + node.typeName());
            }
        });
        r.finish();
        return id.map(i -> new DeviceProfile(i, compliant, encrypted, minOs, r.location()));
    }

    private Optional<NamedNetwork> network(MapReader r) {
        Optional<String> id = Binding.id(r);
        if (!r.has("cidrs")) {
            r.error("cidrs", ErrorCode.MISSING_FIELD, r.element() + " is missing required 'cidrs'");
        }
        List<String> cidrs = Binding.parseAll(r, "cidrs", ErrorCode.INVALID_CIDR, Values::cidr);
        r.finish();
        return id.map(i -> new NamedNetwork(i, cidrs.stream().distinct().sorted().toList(), r.location()));
    }

    private Optional<Asset> asset(MapReader r) {
        Optional<String> id = Binding.id(r);
        Optional<String> kind = r.requiredString("kind");
        Optional<String> segment = r.string("segment");
        var ports = Binding.parseAll(r, "ports", ErrorCode.INVALID_PORT, Values::port);
        Optional<String> arn = Binding.matching(r, "arn", ARN, "an AWS ARN");
        Optional<String> basePath = Binding.matching(r, "base_path", BASE_PATH,
                "a normalized absolute path such as /api/finance (no trailing slash, no '..')");
        Optional<String> appId = Binding.uuid(r, "azure_app_id");
        Sensitivity sensitivity = r.string("sensitivity").flatMap(s -> sensitivity(r, s)).orElse(Sensitivity.INTERNAL);
        boolean exposed = r.bool("public").orElse(false);
        r.finish();
        return id.flatMap(i -> kind.map(k -> new Asset(i, k, segment, ports.stream().distinct().sorted().toList(), arn,
                basePath, appId, sensitivity, exposed, r.location())));
    }

    private Optional<Sensitivity> sensitivity(MapReader r, String text) {
        for (Sensitivity s : Sensitivity.values()) {
            if (s.label().equals(text)) {
                return Optional.of(s);
            }
        }
        r.error("sensitivity", ErrorCode.INVALID_VALUE, "sensitivity '" + Names.printable(text)
                + "' is not one of public, internal, confidential, restricted");
        return Optional.empty();
    }
}
