package dev.ztc.intent;

import dev.ztc.load.Values;
import dev.ztc.model.Asset;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Project;
import dev.ztc.model.Request;
import inet.ipaddr.IPAddress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference meaning of the matrix: decides a request the way the matrix intends, independently of
 * any generated artifact, so that every artifact can be judged against it. Default deny; rules are
 * OR-ed; a rule grants when its who, what and can match the request and all its conditions hold.
 *
 * <p>Built once per project: rules are indexed by asset, so a decision looks only at the rules of the
 * requested asset, and networks and catalog meanings are parsed up front. Instances are immutable and
 * safe to share between threads.
 */
public final class IntentEvaluator {

    private static final Comparator<Reason> RULE_ORDER = Comparator.comparing(Reason::ruleId,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final Map<String, Asset> assets;
    private final Map<String, List<MatrixRule>> rulesByAsset;
    private final SubjectMatcher subjects;
    private final ActionMatcher actions;
    private final ConditionCheck conditions;
    private final DevicePostureCheck postures;
    private final List<String> postureIds;

    public IntentEvaluator(Project project) {
        var inventory = project.inventory();
        this.assets = inventory.assets().stream()
                .collect(Collectors.toUnmodifiableMap(Asset::id, Function.identity(), (a, b) -> a));
        Map<String, List<MatrixRule>> byAsset = new HashMap<>();
        for (MatrixRule rule : project.matrix().rules()) {
            byAsset.computeIfAbsent(rule.what(), k -> new ArrayList<>()).add(rule);
        }
        byAsset.replaceAll((asset, rules) -> List.copyOf(rules));
        this.rulesByAsset = Map.copyOf(byAsset);
        NetworkIndex segments = new NetworkIndex(inventory.segments());
        NetworkIndex locations = new NetworkIndex(inventory.locations());
        this.subjects = new SubjectMatcher(inventory, segments, locations);
        this.actions = new ActionMatcher(project.catalog());
        this.postures = new DevicePostureCheck(inventory.devices());
        this.postureIds = inventory.devices().stream().map(dev.ztc.model.DeviceProfile::id).sorted().distinct().toList();
        this.conditions = new ConditionCheck(postures, locations);
    }

    /**
     * The inventory's posture ids a device satisfies, sorted: what an identity provider could attest for it (the
     * session tag IAM reads, the compliance Conditional Access sees). Empty without a device.
     */
    public List<String> posturesMetBy(Optional<Request.DeviceClaim> device) {
        if (device.isEmpty()) {
            return List.of();
        }
        return postureIds.stream().filter(id -> postures.shortfall(id, device).isEmpty()).toList();
    }

    public Decision decide(Request request) {
        Asset asset = assets.get(request.resource());
        if (asset == null) {
            return Decision.deny(List.of(Reason.general("asset", "asset:" + request.resource() + " is not in the inventory")));
        }
        ActionMatcher.Asked asked = actions.prepare(request.action(), asset);
        if (asked instanceof ActionMatcher.Asked.Unmatchable unmatchable) {
            return Decision.deny(List.of(Reason.general("action", unmatchable.why()), noRuleGrants(request)));
        }
        var action = ((ActionMatcher.Asked.Matchable) asked).action();
        Optional<IPAddress> source = Values.singleAddress(request.sourceIp());
        List<String> granting = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        boolean anyCandidate = false;
        for (MatrixRule rule : rulesByAsset.getOrDefault(asset.id(), List.of())) {
            if (!actions.grants(rule.can(), action, asset)) {
                continue;
            }
            SubjectMatcher.Outcome who = subjects.match(rule.who(), request.subject(), source);
            if (!who.matched()) {
                who.nearMiss().ifPresent(why -> reasons.add(Reason.ofRule(rule.id(), "who", why)));
                continue;
            }
            anyCandidate = true;
            List<Reason> failed = conditions.failures(rule, request, source);
            if (failed.isEmpty()) {
                granting.add(rule.id());
            } else {
                reasons.addAll(failed);
            }
        }
        if (!granting.isEmpty()) {
            return Decision.allow(granting);
        }
        // stable sort: a rule's conditions keep their fixed order, rules follow their ids
        reasons.sort(RULE_ORDER);
        if (!anyCandidate) {
            reasons.add(noRuleGrants(request));
        }
        return Decision.deny(reasons);
    }

    /**
     * Everything that keeps one rule from granting a request: the action ({@code action}), the caller ({@code who})
     * and each failed condition, in that order; empty when the rule grants it. A layer that allows what the matrix
     * denies is judged by this: it may only be blind to what stands between the rule it realizes and the request.
     */
    public List<Reason> explain(MatrixRule rule, Request request) {
        List<Reason> out = new ArrayList<>();
        Asset asset = assets.get(request.resource());
        if (asset == null || !asset.id().equals(rule.what())) {
            out.add(Reason.ofRule(rule.id(), "asset", "rule grants asset:" + rule.what() + ", not asset:" + request.resource()));
            return out;
        }
        ActionMatcher.Asked asked = actions.prepare(request.action(), asset);
        if (asked instanceof ActionMatcher.Asked.Unmatchable unmatchable) {
            out.add(Reason.ofRule(rule.id(), "action", unmatchable.why()));
        } else if (!actions.grants(rule.can(), ((ActionMatcher.Asked.Matchable) asked).action(), asset)) {
            out.add(Reason.ofRule(rule.id(), "action", "rule grants " + rule.can().text() + ", not " + request.action().text()));
        }
        Optional<IPAddress> source = Values.singleAddress(request.sourceIp());
        SubjectMatcher.Outcome who = subjects.match(rule.who(), request.subject(), source);
        if (!who.matched()) {
            out.add(Reason.ofRule(rule.id(), "who", who.nearMiss().orElse(rule.who().ref() + " is not the caller")));
        }
        out.addAll(conditions.failures(rule, request, source));
        return out;
    }

    private static Reason noRuleGrants(Request request) {
        return Reason.general("match", "no rule grants " + request.action().text() + " on asset:" + request.resource()
                + " to " + caller(request.subject()));
    }

    /** The caller as a person reads it: the user, else the service, else the groups claimed. */
    private static String caller(Request.Caller caller) {
        if (caller.user().isPresent()) {
            return "user " + caller.user().get();
        }
        if (caller.service().isPresent()) {
            return "service " + caller.service().get();
        }
        if (!caller.groups().isEmpty()) {
            return "groups " + String.join(", ", caller.groups().stream().sorted().toList());
        }
        return "an anonymous caller";
    }
}
