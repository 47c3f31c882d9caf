package dev.ztc.compile;

import dev.ztc.check.ResolvedProject;
import dev.ztc.model.DeviceProfile;
import dev.ztc.model.Versions;

import java.util.List;
import java.util.Map;

/**
 * Which posture ids satisfy a required posture. Enforcement points that see only a posture name (an IAM
 * session tag, an OPA input field) accept any posture at least as strict as the one the rule asks for.
 */
final class Postures {

    private Postures() {
    }

    static List<String> satisfying(ResolvedProject project, String required) {
        DeviceProfile need = project.devices().get(required);
        return project.devices().values().stream().filter(p -> implies(p, need)).map(DeviceProfile::id).sorted().toList();
    }

    /** True when every device that meets {@code have} also meets {@code need}. */
    static boolean implies(DeviceProfile have, DeviceProfile need) {
        if (need.compliant().orElse(false) && !have.compliant().orElse(false)) {
            return false;
        }
        if (need.encrypted().orElse(false) && !have.encrypted().orElse(false)) {
            return false;
        }
        if (need.minOs().isEmpty()) {
            return true;
        }
        if (have.minOs().isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> os : have.minOs().entrySet()) {
            String floor = need.minOs().get(os.getKey());
            if (floor == null || Versions.compare(os.getValue(), floor) < 0) {
                return false;
            }
        }
        return true;
    }
}
