package dev.ztc.intent;

import dev.ztc.model.DeviceProfile;
import dev.ztc.model.Request;
import dev.ztc.model.Versions;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a request's device satisfies a posture profile: it names that profile, or names another
 * profile that guarantees at least as much, or states facts that meet the profile. What is not known
 * about a device is never assumed in its favour.
 */
final class DevicePostureCheck {

    private final Map<String, DeviceProfile> profiles;

    DevicePostureCheck(List<DeviceProfile> profiles) {
        this.profiles = profiles.stream()
                .collect(Collectors.toUnmodifiableMap(DeviceProfile::id, Function.identity(), (a, b) -> a));
    }

    /** Empty when satisfied; otherwise what falls short, for the deny reason. */
    Optional<String> shortfall(String required, Optional<Request.DeviceClaim> claim) {
        DeviceProfile profile = profiles.get(required);
        if (profile == null) {
            return Optional.of("posture is not in the inventory");
        }
        if (claim.isEmpty()) {
            return Optional.of("no device");
        }
        if (claim.get() instanceof Request.DeviceClaim.Posture posture) {
            if (posture.id().equals(required)) {
                return Optional.empty();
            }
            DeviceProfile claimed = profiles.get(posture.id());
            if (claimed == null) {
                return Optional.of("posture '" + posture.id() + "' is unknown");
            }
            return claimed.shortfallAgainst(profile).map(why -> "posture '" + posture.id() + "' " + why);
        }
        return meetsFacts((Request.DeviceClaim.Facts) claim.get(), profile);
    }

    private static Optional<String> meetsFacts(Request.DeviceClaim.Facts facts, DeviceProfile required) {
        if (required.compliant().orElse(false) && !facts.compliant().orElse(false)) {
            return Optional.of(facts.compliant().isEmpty() ? "compliant unknown" : "not compliant");
        }
        if (required.encrypted().orElse(false) && !facts.encrypted().orElse(false)) {
            return Optional.of(facts.encrypted().isEmpty() ? "encrypted unknown" : "not encrypted");
        }
        if (required.minOs().isEmpty()) {
            return Optional.empty();
        }
        if (facts.os().isEmpty()) {
            return Optional.of("os unknown");
        }
        String os = facts.os().get().toLowerCase(Locale.ROOT);
        String minimum = required.minOs().get(os);
        if (minimum == null) {
            return Optional.of("os " + os + " not in " + String.join(", ", required.minOs().keySet()));
        }
        if (facts.osVersion().isEmpty() || !Versions.isValid(facts.osVersion().get())) {
            return Optional.of("os_version unknown");
        }
        String version = facts.osVersion().get();
        if (Versions.compare(version, minimum) < 0) {
            return Optional.of("os_version " + version + " < " + minimum);
        }
        return Optional.empty();
    }
}
