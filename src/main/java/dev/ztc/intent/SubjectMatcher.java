package dev.ztc.intent;

import dev.ztc.model.Group;
import dev.ztc.model.Inventory;
import dev.ztc.model.Request;
import dev.ztc.model.Service;
import dev.ztc.model.Subject;
import dev.ztc.model.User;
import inet.ipaddr.IPAddress;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Decides whether a rule's {@code who} names the caller of a request. */
final class SubjectMatcher {

    /**
     * The outcome for one rule. {@code nearMiss} explains a subject that named the caller but did not
     * match for a reason the caller would want to know (a service calling from the wrong place).
     */
    record Outcome(boolean matched, Optional<String> nearMiss) {
        static final Outcome MATCHED = new Outcome(true, Optional.empty());
        static final Outcome NOT_MATCHED = new Outcome(false, Optional.empty());

        static Outcome of(boolean matched) {
            return matched ? MATCHED : NOT_MATCHED;
        }

        static Outcome nearMiss(String why) {
            return new Outcome(false, Optional.of(why));
        }
    }

    private final Set<String> groups;
    private final Map<String, User> users;
    private final Map<String, Service> services;
    private final NetworkIndex segments;
    private final NetworkIndex locations;

    SubjectMatcher(Inventory inventory, NetworkIndex segments, NetworkIndex locations) {
        this.groups = inventory.groups().stream().map(Group::id).collect(Collectors.toUnmodifiableSet());
        this.users = inventory.users().stream().collect(Collectors.toUnmodifiableMap(User::id, Function.identity(), (a, b) -> a));
        this.services = inventory.services().stream()
                .collect(Collectors.toUnmodifiableMap(Service::id, Function.identity(), (a, b) -> a));
        this.segments = segments;
        this.locations = locations;
    }

    Outcome match(Subject who, Request.Caller caller, Optional<IPAddress> source) {
        return switch (who.kind()) {
            case GROUP -> Outcome.of(inGroup(who.id(), caller));
            case USER -> Outcome.of(users.containsKey(who.id()) && caller.user().filter(who.id()::equals).isPresent());
            case SERVICE -> service(who.id(), caller, source);
            case SEGMENT -> Outcome.of(source.filter(ip -> segments.contains(who.id(), ip)).isPresent());
            case LOCATION -> Outcome.of(source.filter(ip -> locations.contains(who.id(), ip)).isPresent());
        };
    }

    /** A group the inventory does not declare matches nobody, whatever the caller claims. */
    private boolean inGroup(String group, Request.Caller caller) {
        if (!groups.contains(group)) {
            return false;
        }
        if (caller.groups().contains(group)) {
            return true;
        }
        return caller.user().map(users::get).filter(u -> u.groups().contains(group)).isPresent();
    }

    /** A service is only itself from its own segment: a stolen credential used elsewhere is nobody. */
    private Outcome service(String id, Request.Caller caller, Optional<IPAddress> source) {
        Service service = services.get(id);
        if (service == null || caller.service().filter(id::equals).isEmpty()) {
            return Outcome.NOT_MATCHED;
        }
        if (source.isEmpty()) {
            return Outcome.nearMiss("service " + id + " has no source_ip; it must call from segment " + service.segment());
        }
        if (!segments.contains(service.segment(), source.get())) {
            return Outcome.nearMiss("service " + id + " calls from " + source.get().toCanonicalString()
                    + ", not from its segment " + service.segment());
        }
        return Outcome.MATCHED;
    }
}
