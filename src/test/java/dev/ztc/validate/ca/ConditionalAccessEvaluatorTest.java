package dev.ztc.validate.ca;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.ir.WorkforceIdentityLayer;
import dev.ztc.load.Values;
import dev.ztc.model.Action;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Request;
import dev.ztc.model.Risk;
import dev.ztc.model.User;
import dev.ztc.validate.LayerDecision;
import dev.ztc.validate.Verdict;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.ztc.artifact.EmittedConditionalAccessPolicy.MAIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example's emitted Conditional Access, judged against the matrix: the requests of requests.yaml and, per
 * IR grant, a sign-in meeting its controls and one breaking each of them. The variants' verdicts are what
 * Conditional Access must do (they come from the IR grant, not from the evaluator), and every decision must pass
 * the validator's agreement rule against the intent evaluator. A tampered module must fail that rule.
 */
class ConditionalAccessEvaluatorTest {

    /** Documentation prefix 2001:db8::/32, in a /48 no example declares (checked below). */
    private static final String OUTSIDE_IP = "2001:db8:ffff::1";

    @TempDir
    Path temp;

    private record Variant(Request request, Verdict expected) {
    }

    private record Compiled(ResolvedProject project, WorkforceIdentityLayer ir, Map<String, String> artifacts) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAgreesWithTheMatrix() throws IOException {
        List<Path> examples;
        try (Stream<Path> dirs = Files.list(Fixtures.repo().resolve("examples"))) {
            examples = dirs.filter(d -> Files.isRegularFile(d.resolve("inventory.yaml"))).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        return examples.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> judge(compile(dir))));
    }

    @Test
    void remoteWorkforceIsJudgedOnAllowsAndDenies() throws Exception {
        Compiled compiled = compile(Fixtures.repo().resolve("examples/remote-workforce"));
        List<LayerDecision> decisions = judge(compiled);
        assertThat(decisions).extracting(LayerDecision::verdict).contains(Verdict.ALLOW, Verdict.DENY, Verdict.NOT_APPLICABLE);
        assertThat(decisions.stream().filter(d -> d.verdict() == Verdict.ALLOW))
                .allSatisfy(d -> assertThat(d.grantedBy()).isNotEmpty())
                .allSatisfy(d -> assertThat(d.artifacts()).allMatch(a -> a.startsWith(MAIN + "#ztc-remotico-")))
                .allSatisfy(d -> assertThat(d.blindTo()).containsExactlyInAnyOrder("action", "device", "hours"));
    }

    /** A broken emitter that drops the MFA control of the mail grant lets a sign-in without MFA in. */
    @Test
    void aDroppedMfaControlIsCaught() throws Exception {
        Compiled compiled = compile(Fixtures.repo().resolve("examples/remote-workforce"));
        String key = "\"ztc-remotico-m365-mail-10-require-mfa_2b_risk-medium\" = {";
        Compiled tampered = tamper(compiled, key, "controls            = [\"mfa\"]", "controls            = []");
        assertThat(contradictions(tampered)).anyMatch(c -> c.contains("employee without MFA gets no mail") && c.contains("mfa required"));
        assertThat(contradictions(compiled)).isEmpty();
    }

    /** A broken emitter that drops a granted group from the block policy's exclusions locks that group out. */
    @Test
    void aGroupDroppedFromTheBlockExclusionsIsCaught() throws Exception {
        Compiled compiled = compile(Fixtures.repo().resolve("examples/remote-workforce"));
        String key = "\"ztc-remotico-github-enterprise-00-block-unlisted\" = {";
        Compiled tampered = tamper(compiled, key, "[\"contractors\", \"engineers\"]", "[\"contractors\"]");
        assertThat(contradictions(tampered)).anyMatch(c -> c.contains("engineer pushes code") && c.contains("the layer denies")
                && c.contains("blocks: not in a granted group"));
    }

    /**
     * A 30-minute max_session becomes a one-hour sign-in frequency (Graph counts in hours): a 45-minute-old session
     * gets in, and only because the decision says it is blind to jit.
     */
    @Test
    void aMaxSessionShorterThanAnHourIsAdmittedAsBlindToJit() throws Exception {
        Path example = Fixtures.copy(Fixtures.repo().resolve("examples/remote-workforce"), temp.resolve("jit-30m"));
        Path matrix = example.resolve("matrix.yaml");
        Files.writeString(matrix, Files.readString(matrix).replace("when: { mfa: true, device: corporate, risk: low }\n\n  - id: CODE-READ-1",
                "when: { mfa: true, device: corporate, risk: low, jit: { max_session: 30m } }\n\n  - id: CODE-READ-1"));
        Compiled compiled = compile(example);
        assertThat(compiled.artifacts().get(MAIN)).contains("sign_in_frequency   = 1\n");
        SignInRequest ana = SignInRequest.read("ana.silva", List.of("employees", "engineers"), "hr-portal")
                .withDevice(new Request.DeviceClaim.Posture("corporate"));
        List<Request> requests = List.of(ana.withSessionAge(Optional.of(Duration.ofMinutes(45))).request(),
                ana.withSessionAge(Optional.of(Duration.ofMinutes(75))).request());
        List<LayerDecision> decisions = new ConditionalAccessEvaluator(compiled.project(), compiled.artifacts()).decide(requests);
        assertThat(decisions.get(0).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decisions.get(0).blindTo()).contains("jit");
        assertThat(new Agreement(compiled.project()).intended(requests.get(0)).reasonTexts()).containsExactly(
                "HR-1: session age 45m exceeds jit max_session 30m");
        assertThat(new Agreement(compiled.project()).contradiction(requests.get(0), decisions.get(0))).isEmpty();
        assertThat(decisions.get(1).reasons()).anyMatch(r -> r.endsWith("the session is 75 min old, re-authenticate"));
    }

    private List<LayerDecision> judge(Compiled compiled) throws Exception {
        List<Variant> variants = variants(compiled);
        List<Request> requests = new ArrayList<>(compiled.project().project().requests());
        variants.forEach(v -> requests.add(v.request()));
        List<LayerDecision> decisions = new ConditionalAccessEvaluator(compiled.project(), compiled.artifacts()).decide(requests);
        assertThat(decisions).hasSameSizeAs(requests);
        Agreement agreement = new Agreement(compiled.project());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            LayerDecision decision = decisions.get(i);
            agreement.contradiction(request, decision).ifPresent(problems::add);
            boolean app = Optional.ofNullable(compiled.project().assets().get(request.resource()))
                    .flatMap(a -> a.azureAppId()).isPresent();
            if (!app && decision.verdict() != Verdict.NOT_APPLICABLE) {
                problems.add("'" + request.name() + "' is on no Entra app, yet " + decision.verdict());
            }
        }
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            LayerDecision decision = decisions.get(compiled.project().project().requests().size() + i);
            if (decision.verdict() != variant.expected()) {
                problems.add("'" + variant.request().name() + "': expected " + variant.expected() + ", got " + decision);
            }
        }
        assertThat(problems).isEmpty();
        return decisions;
    }

    private List<String> contradictions(Compiled compiled) throws Exception {
        List<Request> requests = new ArrayList<>(compiled.project().project().requests());
        variants(compiled).forEach(v -> requests.add(v.request()));
        List<LayerDecision> decisions = new ConditionalAccessEvaluator(compiled.project(), compiled.artifacts()).decide(requests);
        Agreement agreement = new Agreement(compiled.project());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            agreement.contradiction(requests.get(i), decisions.get(i)).ifPresent(out::add);
        }
        return out;
    }

    /** Per IR grant and per caller it names: its controls met (allow), then each broken in turn (deny). */
    private static List<Variant> variants(Compiled compiled) {
        ResolvedProject project = compiled.project();
        List<Variant> out = new ArrayList<>();
        for (WorkforceIdentityLayer.App app : compiled.ir().apps()) {
            for (WorkforceIdentityLayer.Grant grant : app.grants()) {
                MatrixRule rule = project.rules().stream().filter(r -> r.id().equals(grant.ruleIds().get(0))).findFirst().orElseThrow();
                for (SignInRequest caller : callers(project, grant, rule.can(), app.assetId())) {
                    SignInRequest met = grant.locations().isEmpty() ? caller
                            : caller.from(Optional.of(firstAddress(project.locations().get(grant.locations().get(0)).cidrs().get(0))));
                    if (!grant.devicePostures().isEmpty()) {
                        met = met.withDevice(new Request.DeviceClaim.Posture(grant.devicePostures().get(0)));
                    }
                    out.add(new Variant(met.request(), Verdict.ALLOW));
                    if (grant.mfa()) {
                        out.add(new Variant(met.withMfa(false).request(), Verdict.DENY));
                    }
                    if (grant.compliantDevice()) {
                        out.add(new Variant(met.withCompliant(false).request(), Verdict.DENY));
                    }
                    if (!grant.locations().isEmpty()) {
                        assertThat(project.locations().values()).noneMatch(l -> l.cidrs().stream()
                                .anyMatch(c -> Values.block(c).contains(Values.block(OUTSIDE_IP))));
                        out.add(new Variant(met.from(Optional.of(OUTSIDE_IP)).request(), Verdict.DENY));
                    }
                    Optional<Risk> max = Risk.parse(grant.maxRisk());
                    if (max.isPresent() && max.get() != Risk.HIGH) {
                        out.add(new Variant(met.withRisk(Optional.of(Risk.values()[max.get().ordinal() + 1])).request(), Verdict.DENY));
                    }
                    if (grant.signInFrequencyMinutes() > 0) {
                        out.add(new Variant(met.withSessionAge(Optional.empty()).request(), Verdict.DENY));
                        out.add(new Variant(met.withSessionAge(Optional.of(Duration.ofMinutes(grant.signInFrequencyMinutes() + 61)))
                                .request(), Verdict.DENY));
                    }
                }
            }
            project.users().values().stream()
                    .filter(u -> !app.allowedUsers().contains(u.id()) && Collections.disjoint(u.groups(), app.allowedGroups()))
                    .findFirst().ifPresent(u -> out.add(new Variant(SignInRequest.read(u.id(), u.groups(), app.assetId())
                            .named("in no granted group").request(), Verdict.DENY)));
        }
        return out;
    }

    /** For each group, a member of it (or the group alone when the inventory lists none); each user named. */
    private static List<SignInRequest> callers(ResolvedProject project, WorkforceIdentityLayer.Grant grant, Action action, String asset) {
        List<SignInRequest> out = new ArrayList<>();
        for (String group : grant.groups()) {
            Optional<User> member = project.users().values().stream().filter(u -> u.groups().contains(group)).findFirst();
            out.add(member.map(u -> SignInRequest.of(u.id(), u.groups(), action, asset))
                    .orElse(SignInRequest.of(null, List.of(group), action, asset)));
        }
        grant.users().forEach(id -> out.add(SignInRequest.of(id, project.users().get(id).groups(), action, asset)));
        return out;
    }

    private static String firstAddress(String cidr) {
        return Values.block(cidr).getLower().withoutPrefixLength().toCanonicalString();
    }

    private Compiled compile(Path example) throws Exception {
        Path out = temp.resolve("out-" + example.getFileName());
        Ztc.CompileResult result = Ztc.compile(new CompileOptions(example, Optional.of(out)));
        Map<String, String> artifacts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".tar.gz")).toList()) {
                artifacts.put(out.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return new Compiled(Ztc.loadAndCheck(example), result.ir().workforceIdentity(), artifacts);
    }

    /** The module as a faulty emitter would have written it: {@code from} replaced by {@code to} in the policy at {@code key}. */
    private static Compiled tamper(Compiled compiled, String key, String from, String to) {
        String main = compiled.artifacts().get(MAIN);
        int at = main.indexOf(key);
        int end = main.indexOf("\n    }\n", at);
        assertThat(at).as(key).isNotNegative();
        String policy = main.substring(at, end);
        assertThat(policy).contains(from);
        Map<String, String> artifacts = new TreeMap<>(compiled.artifacts());
        artifacts.put(MAIN, main.substring(0, at) + policy.replace(from, to) + main.substring(end));
        return new Compiled(compiled.project(), compiled.ir(), artifacts);
    }
}
