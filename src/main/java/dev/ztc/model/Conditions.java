package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A rule's {@code when}: all must hold for the rule to grant. */
public record Conditions(Optional<Boolean> mfa, Optional<String> device, List<String> from, Optional<Hours> hours,
                         Optional<Duration> jitMaxSession, Optional<Risk> maxRisk, SourceLocation at,
                         Map<String, SourceLocation> places) {

    public Conditions(Optional<Boolean> mfa, Optional<String> device, List<String> from, Optional<Hours> hours,
                      Optional<Duration> jitMaxSession, Optional<Risk> maxRisk, SourceLocation at) {
        this(mfa, device, from, hours, jitMaxSession, maxRisk, at, Map.of());
    }

    /** Where a value was written: {@code "device"}, or {@code "from:<location>"} for one location; else the mapping. */
    public SourceLocation placeOf(String key) {
        return places.getOrDefault(key, at);
    }

    public static Conditions none(SourceLocation at) {
        return new Conditions(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), at);
    }

    public Conditions {
        from = List.copyOf(from);
        places = Map.copyOf(places);
    }

    public boolean requiresMfa() {
        return mfa.orElse(false);
    }

    public boolean isEmpty() {
        return !requiresMfa() && device.isEmpty() && from.isEmpty() && hours.isEmpty() && jitMaxSession.isEmpty()
                && maxRisk.isEmpty();
    }
}
