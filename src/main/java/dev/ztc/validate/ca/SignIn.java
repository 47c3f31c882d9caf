package dev.ztc.validate.ca;

import dev.ztc.check.ResolvedProject;
import dev.ztc.load.Values;
import dev.ztc.model.DeviceProfile;
import dev.ztc.model.Request;
import dev.ztc.model.Risk;
import dev.ztc.model.User;
import inet.ipaddr.IPAddress;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request as Entra ID sees it when a person signs in to an app: the user and their groups, whether the sign-in
 * did MFA, whether the device is compliant (all Conditional Access knows of a posture), where from, at which
 * sign-in risk, and how old the session is. A modern-auth client (browser or desktop app) is assumed: that is how
 * people reach the apps the matrix names.
 */
record SignIn(String appId, Optional<String> user, Set<String> groups, boolean mfa, boolean compliantDevice,
              Optional<IPAddress> source, Risk risk, Optional<Duration> sessionAge) {

    SignIn {
        groups = Set.copyOf(groups);
    }

    /**
     * Groups are those the directory holds for the user (the inventory's membership) and those the request
     * claims, as the intent evaluator reads them. A request that states no risk is read as risk {@code none}.
     */
    static SignIn of(Request request, String appId, ResolvedProject project) {
        Request.Caller caller = request.subject();
        Set<String> groups = new TreeSet<>(caller.groups());
        caller.user().map(project.users()::get).map(User::groups).ifPresent(groups::addAll);
        return new SignIn(appId, caller.user(), groups, caller.mfa(), compliant(request.device(), project),
                address(request.sourceIp()), caller.risk().orElse(Risk.NONE), caller.sessionAge());
    }

    /** A posture counts as compliant when the inventory's profile requires compliance; an unknown one does not. */
    private static boolean compliant(Optional<Request.DeviceClaim> device, ResolvedProject project) {
        if (device.isPresent() && device.get() instanceof Request.DeviceClaim.Posture posture) {
            return Optional.ofNullable(project.devices().get(posture.id())).flatMap(DeviceProfile::compliant).orElse(false);
        }
        if (device.isPresent() && device.get() instanceof Request.DeviceClaim.Facts facts) {
            return facts.compliant().orElse(false);
        }
        return false;
    }

    /** Exactly one address, parsed as the loader parses it; anything else is no address. */
    private static Optional<IPAddress> address(Optional<String> text) {
        try {
            return text.map(t -> Values.block(Values.address(t))).filter(a -> !a.isMultiple());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
