package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A device posture a request's device may satisfy. Absent facts are not required;
 * {@code minOs} maps an OS name (lower case) to its minimum version, compared per numeric component.
 * A device whose OS is not listed in a non-empty {@code minOs} does not satisfy the profile.
 */
public record DeviceProfile(String id, Optional<Boolean> compliant, Optional<Boolean> encrypted,
                            Map<String, String> minOs, SourceLocation at) implements Located {
    public DeviceProfile {
        minOs = java.util.Collections.unmodifiableMap(new TreeMap<>(minOs));
    }
}
