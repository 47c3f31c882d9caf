package dev.ztc.compile;

import dev.ztc.check.ResolvedProject;
import dev.ztc.model.DeviceProfile;

import java.util.List;

/**
 * Which posture ids satisfy a required posture. Enforcement points that see only a posture name (an IAM
 * session tag, an OPA input field) accept any posture at least as strict as the one the rule asks for.
 */
final class Postures {

    private Postures() {
    }

    static List<String> satisfying(ResolvedProject project, String required) {
        DeviceProfile need = project.devices().get(required);
        return project.devices().values().stream().filter(p -> p.shortfallAgainst(need).isEmpty()).map(DeviceProfile::id).sorted().toList();
    }
}
