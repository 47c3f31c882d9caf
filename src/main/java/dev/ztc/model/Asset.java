package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.List;
import java.util.Optional;

/**
 * Something worth protecting. Which fields an asset needs follows from its kind (the catalog):
 * a database lives in a segment and listens on ports; a bucket has an ARN; a SaaS app has an Entra app id.
 */
public record Asset(String id, String kind, Optional<String> segment, List<PortRange> ports, Optional<String> arn,
                    Optional<String> basePath, Optional<String> azureAppId, Sensitivity sensitivity,
                    boolean exposedPublicly, SourceLocation at) implements Located {
    public Asset {
        ports = List.copyOf(ports);
    }

    public boolean networkReachable() {
        return segment.isPresent() && !ports.isEmpty();
    }
}
