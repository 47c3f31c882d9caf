package dev.ztc.validate.network;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.SourceLocation;
import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.intent.Decision;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.intent.Reason;
import dev.ztc.ir.Ir;
import dev.ztc.ir.NetworkLayer;
import dev.ztc.model.Request;
import dev.ztc.model.Risk;
import dev.ztc.validate.LayerDecision;
import dev.ztc.validate.UnreadableArtifactException;
import dev.ztc.validate.Verdict;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The emitted network module of every example, judged against the intent under the validator's agreement rule,
 * on the sample requests and on requests built from each IR flow (the flow's own source, and variants: another
 * asset, an address outside the block, another service). For the flow requests the expected network verdict
 * also comes from a small oracle over the IR's flows, so that a reader bug that happens to agree with the
 * intent still shows. Tampered modules (a widened CIDR, a dropped egress rule, a swapped peer) must disagree.
 */
class SecurityGroupEvaluatorTest {

    private static final String MAIN = EmittedSecurityGroupRule.MAIN;
    private static final ZonedDateTime MONDAY_MORNING = ZonedDateTime.parse("2026-12-07T08:30:00+01:00");

    @TempDir
    Path temp;

    /** One example compiled, its emitted files as validate reads them (possibly tampered), and its intent. */
    private record Compiled(ResolvedProject project, Ir ir, Map<String, String> artifacts, IntentEvaluator intent) {
        SecurityGroupEvaluator evaluator() throws UnreadableArtifactException {
            return new SecurityGroupEvaluator(project, artifacts);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAgreesWithTheIntent() throws Exception {
        List<Path> examples;
        try (Stream<Path> dirs = Files.list(Fixtures.repo().resolve("examples"))) {
            examples = dirs.filter(d -> Files.isRegularFile(d.resolve("inventory.yaml"))).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        return examples.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> agrees(dir)));
    }

    private void agrees(Path example) throws Exception {
        Compiled c = compile(example, UnaryOperator.identity());
        assertThat(c.ir().network().flows()).as("an example without flows proves nothing").isNotEmpty();
        List<Request> samples = c.project().project().requests();
        List<Request> flows = new FlowRequests(c.project(), c.ir()).all();
        List<Request> all = new ArrayList<>(samples);
        all.addAll(flows);
        List<LayerDecision> decisions = c.evaluator().decide(all);
        assertThat(decisions).hasSameSizeAs(all);
        List<String> failures = new ArrayList<>();
        int judged = 0;
        for (int i = 0; i < all.size(); i++) {
            Request request = all.get(i);
            LayerDecision d = decisions.get(i);
            disagreement(c, request, d).ifPresent(failures::add);
            if (i >= samples.size() && d.verdict() != Verdict.NOT_APPLICABLE) {
                judged++;
                boolean expected = new FlowOracle(c.project(), c.ir()).admits(request);
                if (expected != (d.verdict() == Verdict.ALLOW)) {
                    failures.add(request.name() + ": the IR's flows " + (expected ? "admit" : "do not admit")
                            + " it, the module says " + d.verdict().label() + " " + d.reasons());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(judged).as("flow requests the network judged").isGreaterThan(c.ir().network().flows().size());
        // every flow's own request is admitted: the first request built from each flow
        for (NetworkLayer.Flow flow : c.ir().network().flows()) {
            int at = samples.size() + flows.indexOf(flows.stream()
                    .filter(r -> r.name().equals(FlowRequests.ownName(flow))).findFirst().orElseThrow());
            assertThat(decisions.get(at).verdict()).as(flow.key()).isEqualTo(Verdict.ALLOW);
            assertThat(decisions.get(at).grantedBy()).as(flow.key()).containsAll(flow.ruleIds());
        }
    }

    /** The validator's agreement rule, as it will apply it. */
    static Optional<String> disagreement(Compiled c, Request request, LayerDecision d) {
        Decision intended = c.intent().decide(request);
        if (d.verdict() == Verdict.NOT_APPLICABLE) {
            return Optional.empty();
        }
        if (intended.allowed()) {
            return d.verdict() == Verdict.ALLOW ? Optional.empty()
                    : Optional.of(request.name() + ": the matrix allows it " + intended.grantedBy() + ", the network denies " + d.reasons());
        }
        if (d.verdict() == Verdict.DENY) {
            return Optional.empty();
        }
        List<String> unseen = new ArrayList<>();
        for (String id : d.grantedBy()) {
            List<Reason> why = c.project().rules().stream().filter(r -> r.id().equals(id)).findFirst()
                    .map(r -> c.intent().explain(r, request)).orElse(List.of(Reason.general("match", id + " is no rule")));
            List<Reason> visible = why.stream().filter(r -> !d.blindTo().contains(r.condition())).toList();
            if (visible.isEmpty()) {
                return Optional.empty();
            }
            unseen.addAll(visible.stream().map(r -> r.condition() + " (" + r.formatted() + ")").toList());
        }
        return Optional.of(request.name() + ": the matrix denies it, the network allows it by " + d.grantedBy()
                + " though it sees " + unseen);
    }

    // --- tampering: what a broken emitter would write must be caught ---

    @Test
    void aCidrWidenedToTheWorldIsCaught() throws Exception {
        Path bank = Fixtures.repo().resolve("examples/bank-payments");
        Request sre = person("SRE from outside the VPN", "jonas.berg", "sre", "198.51.100.7", "connect", "payments-host");
        Compiled honest = compile(bank, UnaryOperator.identity());
        LayerDecision before = honest.evaluator().decide(List.of(sre)).get(0);
        assertThat(before.verdict()).isEqualTo(Verdict.DENY);
        assertThat(before.reasons()).containsExactly(
                "no ingress rule of sg asset-payments-host admits 198.51.100.7 on 22/tcp");
        assertThat(disagreement(honest, sre, before)).isEmpty();

        Compiled widened = compile(bank, tf -> replaceOnce(tf, "\"192.0.2.0/28\"", "\"0.0.0.0/0\""));
        LayerDecision after = widened.evaluator().decide(List.of(sre)).get(0);
        assertThat(after.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(after.grantedBy()).containsExactly("SRE-HOST-1");
        assertThat(disagreement(widened, sre, after)).get().asString().contains("sees [from ");
    }

    @Test
    void aDroppedEgressRuleIsCaught() throws Exception {
        Path bank = Fixtures.repo().resolve("examples/bank-payments");
        Request api = service("payments-api to its database", "payments-api", "10.20.2.15", "connect", "payments-db");
        Compiled honest = compile(bank, UnaryOperator.identity());
        LayerDecision before = honest.evaluator().decide(List.of(api)).get(0);
        assertThat(before.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(before.grantedBy()).containsExactly("PAY-DB-1");
        assertThat(before.artifacts()).containsExactly(
                MAIN + "#ingress:svc-payments-api->asset-payments-db:5432/tcp",
                MAIN + "#egress:svc-payments-api->asset-payments-db:5432/tcp");

        Compiled dropped = compile(bank, tf -> dropEntry(tf, "egress_to_groups", "svc-payments-api->asset-payments-db:5432/tcp"));
        LayerDecision after = dropped.evaluator().decide(List.of(api)).get(0);
        assertThat(after.reasons()).containsExactly("egress of sg svc-payments-api has no rule to asset-payments-db on 5432/tcp");
        assertThat(disagreement(dropped, api, after)).get().asString().contains("the matrix allows it [PAY-DB-1]");
    }

    /** A workload is seen by its group, so the network is not blind to who: a peer swapped to another service shows. */
    @Test
    void aSwappedPeerGroupIsCaught() throws Exception {
        Path bank = Fixtures.repo().resolve("examples/bank-payments");
        Request web = service("web-frontend to the database", "web-frontend", "10.20.1.20", "connect", "payments-db");
        Compiled swapped = compile(bank, tf -> replaceOnce(replaceOnce(tf,
                "peer_group     = \"svc-payments-api\"", "peer_group     = \"svc-web-frontend\""),
                "security_group = \"svc-payments-api\"", "security_group = \"svc-web-frontend\""));
        LayerDecision d = swapped.evaluator().decide(List.of(web)).get(0);
        assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(d.blindTo()).doesNotContain("who", "from");
        assertThat(disagreement(swapped, web, d)).get().asString().contains("sees [who ");
    }

    // --- which requests apply, and what the network is blind to ---

    @Test
    void judgesOnlyFlowsToNetworkReachableAssets() throws Exception {
        Compiled bank = compile(Fixtures.repo().resolve("examples/bank-payments"), UnaryOperator.identity());
        List<LayerDecision> d = bank.evaluator().decide(List.of(
                service("raw IAM call", "payments-api", "10.20.2.15", "secretsmanager:GetSecretValue", "payments-db-credentials"),
                service("raw IAM on a reachable asset", "payments-api", "10.20.2.15", "rds:DescribeDBInstances", "payments-db"),
                person("a level that is no flow", "omar.haddad", "payments-ops", "203.0.113.40", "read", "payments-db"),
                person("a person without an address", "jonas.berg", "sre", null, "connect", "payments-host")));
        assertThat(d).extracting(LayerDecision::verdict).containsOnly(Verdict.NOT_APPLICABLE);
        assertThat(d.get(0).reasons()).containsExactly("asset:payments-db-credentials has no segment and ports: no Security Group guards it");
        assertThat(d.get(1).reasons()).containsExactly("rds:DescribeDBInstances is an AWS API call, which no Security Group sees");
        assertThat(d.get(2).reasons()).containsExactly("read on a database is no network flow");
    }

    @Test
    void blindToSaysWhatTheNetworkCannotSeeOfEachCaller() throws Exception {
        Compiled bank = compile(Fixtures.repo().resolve("examples/bank-payments"), UnaryOperator.identity());
        List<LayerDecision> d = bank.evaluator().decide(List.of(
                service("workload in its segment", "payments-api", "10.20.2.15", "connect", "payments-db"),
                service("workload without an address", "payments-api", null, "connect", "payments-db"),
                service("workload outside its segment", "payments-api", "10.20.1.15", "connect", "payments-db"),
                person("a person", "jonas.berg", "sre", "192.0.2.5", "connect", "payments-host")));
        Set<String> always = Set.of("action", "mfa", "device", "hours", "jit", "risk");
        assertThat(d.get(0).blindTo()).isEqualTo(always);
        assertThat(d.get(1).blindTo()).containsExactlyInAnyOrder("action", "mfa", "device", "hours", "jit", "risk", "who", "from");
        assertThat(d.get(2).blindTo()).containsExactlyInAnyOrder("action", "mfa", "device", "hours", "jit", "risk", "who");
        assertThat(d.get(3).blindTo()).containsExactlyInAnyOrder("action", "mfa", "device", "hours", "jit", "risk", "who");
        assertThat(d).extracting(LayerDecision::verdict)
                .containsExactly(Verdict.ALLOW, Verdict.ALLOW, Verdict.DENY, Verdict.ALLOW);
        assertThat(d.get(2).reasons()).containsExactly("no ingress rule of sg asset-payments-db admits 10.20.1.15 on 5432/tcp");
    }

    @Test
    void anIpv4MappedAddressIsNotInAnIpv4Block() throws Exception {
        Compiled saas = compile(Fixtures.repo().resolve("examples/healthcare-saas"), UnaryOperator.identity());
        List<LayerDecision> d = saas.evaluator().decide(List.of(
                person("v6 clinic", "dr.okafor", "riverside-clinicians", "2001:db8:7e::15", "read", "records-http-riverside"),
                person("v4 clinic", "dr.okafor", "riverside-clinicians", "203.0.113.5", "read", "records-http-riverside"),
                person("v4-mapped", "dr.okafor", "riverside-clinicians", "::ffff:203.0.113.5", "read", "records-http-riverside")));
        assertThat(d).extracting(LayerDecision::verdict).containsExactly(Verdict.ALLOW, Verdict.ALLOW, Verdict.DENY);
    }

    @Test
    void aMissingOrBrokenModuleIsUnreadable() throws Exception {
        Compiled bank = compile(Fixtures.repo().resolve("examples/bank-payments"), UnaryOperator.identity());
        Map<String, String> without = new TreeMap<>(bank.artifacts());
        without.remove(MAIN);
        assertThatThrownBy(() -> new SecurityGroupEvaluator(bank.project(), without))
                .isInstanceOf(UnreadableArtifactException.class).hasMessageContaining("is missing");
        Map<String, String> broken = new TreeMap<>(bank.artifacts());
        broken.put(MAIN, "locals { security_groups = {");
        assertThatThrownBy(() -> new SecurityGroupEvaluator(bank.project(), broken))
                .isInstanceOf(UnreadableArtifactException.class).hasMessageContaining(MAIN);
        Map<String, String> badCidr = new TreeMap<>(bank.artifacts());
        badCidr.put(MAIN, replaceOnce(badCidr.get(MAIN), "\"192.0.2.0/28\"", "\"192.0.2.0/33\""));
        assertThatThrownBy(() -> new SecurityGroupEvaluator(bank.project(), badCidr))
                .isInstanceOf(UnreadableArtifactException.class).hasMessageContaining("no valid CIDR block");
    }

    // --- helpers ---

    private Compiled compile(Path example, UnaryOperator<String> tamperMain) throws Exception {
        Path out = temp.resolve(example.getFileName() + "-" + Math.abs(System.nanoTime() % 1_000_000));
        Ztc.CompileResult result = Ztc.compile(new CompileOptions(example, Optional.of(out)));
        Map<String, String> artifacts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".tar.gz")).toList()) {
                artifacts.put(out.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        assertThat(artifacts).containsKey(MAIN);
        artifacts.put(MAIN, tamperMain.apply(artifacts.get(MAIN)));
        ResolvedProject project = Ztc.loadAndCheck(example);
        return new Compiled(project, result.ir(), artifacts, new IntentEvaluator(project.project()));
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text).as("tamper target").contains(from);
        int at = text.indexOf(from);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** Drops one entry ({@code "key" = { ... }}) from one of the module's locals maps. */
    private static String dropEntry(String text, String local, String key) {
        int section = text.indexOf(local + " = {");
        int start = text.indexOf("\"" + key + "\" = {", section);
        assertThat(section).isNotNegative();
        assertThat(start).isNotNegative();
        int end = text.indexOf("}\n", start) + 2;
        return text.substring(0, start) + text.substring(end);
    }

    static Request service(String name, String service, String ip, String action, String asset) {
        return new Request(name, new Request.Caller(Optional.empty(), List.of(), Optional.of(service), false,
                Optional.empty(), Optional.empty()), Optional.empty(), Optional.ofNullable(ip),
                dev.ztc.load.Values.action(action), asset, Optional.of(MONDAY_MORNING), Optional.empty(), SourceLocation.of("test"));
    }

    /** A person who passes every condition the network cannot see, so that only address and who can differ. */
    static Request person(String name, String user, String group, String ip, String action, String asset) {
        return new Request(name, new Request.Caller(Optional.of(user), List.of(group), Optional.empty(), true,
                Optional.of(Risk.NONE), Optional.of(Duration.ofMinutes(5))),
                Optional.empty(), Optional.ofNullable(ip), dev.ztc.load.Values.action(action), asset,
                Optional.of(MONDAY_MORNING), Optional.empty(), SourceLocation.of("test"));
    }
}
