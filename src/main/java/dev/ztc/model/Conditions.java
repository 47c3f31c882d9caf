package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A rule's {@code when}: all must hold for the rule to grant. */
public record Conditions(Optional<Boolean> mfa, Optional<String> device, List<String> from, Optional<Hours> hours,
                         Optional<Duration> jitMaxSession, Optional<Risk> maxRisk, SourceLocation at) {

    public static Conditions none(SourceLocation at) {
        return new Conditions(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), at);
    }

    public Conditions {
        from = List.copyOf(from);
    }

    public boolean requiresMfa() {
        return mfa.orElse(false);
    }

    public boolean isEmpty() {
        return !requiresMfa() && device.isEmpty() && from.isEmpty() && hours.isEmpty() && jitMaxSession.isEmpty()
                && maxRisk.isEmpty();
    }
}
