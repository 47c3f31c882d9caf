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

    /**
     * This profile implies {@code required} when every device it admits is admitted by that one: it requires at least
     * the same flags, and allows only listed OSes at versions at or above the other's minimums. Empty when it
     * does; otherwise what falls short.
     */
    public Optional<String> shortfallAgainst(DeviceProfile required) {
        if (required.compliant().orElse(false) && !compliant.orElse(false)) {
            return Optional.of("does not require compliant");
        }
        if (required.encrypted().orElse(false) && !encrypted.orElse(false)) {
            return Optional.of("does not require encrypted");
        }
        if (required.minOs().isEmpty()) {
            return Optional.empty();
        }
        if (minOs().isEmpty()) {
            return Optional.of("allows any os");
        }
        for (Map.Entry<String, String> os : minOs().entrySet()) {
            String minimum = required.minOs().get(os.getKey());
            if (minimum == null) {
                return Optional.of("allows os " + os.getKey());
            }
            if (Versions.compare(os.getValue(), minimum) < 0) {
                return Optional.of("allows " + os.getKey() + " " + os.getValue() + " < " + minimum);
            }
        }
        return Optional.empty();
    }
}
