package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.List;
import java.util.Optional;

/** The asset inventory: clouds, identities, device postures, networks and assets. */
public record Inventory(int version, String organization, Optional<AwsAccount> aws, Optional<AzureTenant> azure,
                        List<Group> groups, List<User> users, List<Service> services,
                        List<DeviceProfile> devices, List<NamedNetwork> locations, List<NamedNetwork> segments,
                        List<Asset> assets, SourceLocation at) {
    public Inventory {
        groups = List.copyOf(groups);
        users = List.copyOf(users);
        services = List.copyOf(services);
        devices = List.copyOf(devices);
        locations = List.copyOf(locations);
        segments = List.copyOf(segments);
        assets = List.copyOf(assets);
    }

    public record AwsAccount(String accountId, String region, String vpcId, SourceLocation at) {
    }

    /**
     * {@code breakGlass}: object ids of the emergency-access accounts that every Conditional Access policy
     * ztc generates excludes, so that a mistaken policy cannot lock the tenant's administrators out.
     */
    public record AzureTenant(String tenantId, List<String> breakGlass, SourceLocation at) {
        public AzureTenant {
            breakGlass = List.copyOf(breakGlass);
        }
    }
}
