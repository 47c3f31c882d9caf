package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** A sample request from {@code requests.yaml}, as the validator and the intent evaluator read it. */
public record Request(String name, Caller subject, Optional<DeviceClaim> device, Optional<String> sourceIp,
                      Action action, String resource, Optional<ZonedDateTime> at, Optional<Expectation> expect,
                      SourceLocation location) {

    /**
     * Who asks. People have a user and groups; a workload names its service. {@code sessionAge} is how long
     * ago the caller signed in (for {@code jit}); {@code risk} the sign-in risk the identity provider saw.
     */
    public record Caller(Optional<String> user, List<String> groups, Optional<String> service, boolean mfa,
                         Optional<Risk> risk, Optional<Duration> sessionAge) {
        public Caller {
            groups = List.copyOf(groups);
        }
    }

    /** Either a posture id the device is known to satisfy, or the device's facts. */
    public sealed interface DeviceClaim {
        record Posture(String id) implements DeviceClaim {
        }

        record Facts(Optional<Boolean> compliant, Optional<Boolean> encrypted, Optional<String> os,
                     Optional<String> osVersion) implements DeviceClaim {
        }
    }

    public enum Expectation { ALLOW, DENY }
}
