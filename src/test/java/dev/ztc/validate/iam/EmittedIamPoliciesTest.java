package dev.ztc.validate.iam;

import dev.ztc.Fixtures;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.ir.CloudIdentityLayer;
import inet.ipaddr.IPAddressString;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The policies ztc emits for every example, judged by the evaluator against what the IR meant: each IR
 * statement's grant is allowed with its conditions met, denied with any one of them broken, and an action of a
 * service the role was never granted is denied. The expected decision comes from a small oracle over the IR
 * (exact actions, known operators), not from the evaluator, so that the two check each other.
 */
class EmittedIamPoliciesTest {

    private static final String SAMPLE = "ztc-sample";
    /** TEST-NET-1 (RFC 5737): outside every CIDR an example declares, checked below. */
    private static final String OUTSIDE_IP = "192.0.2.77";
    private static final List<String> FOREIGN_ACTIONS =
            List.of("ec2:TerminateInstances", "iam:CreateUser", "lambda:InvokeFunction", "sqs:DeleteQueue");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyEmittedRoleGrantsExactlyItsStatements() throws IOException {
        List<Path> examples;
        try (Stream<Path> dirs = Files.list(Fixtures.repo().resolve("examples"))) {
            examples = dirs.filter(d -> Files.isRegularFile(d.resolve("inventory.yaml"))).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        return examples.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> judge(dir)));
    }

    /**
     * A broken emitter, simulated by rewriting the MFA condition as {@code BoolIfExists} (which a request
     * without MFA satisfies), must be caught: the same check run on the tampered files fails.
     */
    @org.junit.jupiter.api.Test
    void aWeakenedMfaConditionIsCaught() {
        Path example = Fixtures.repo().resolve("examples/bank-payments");
        assertThatThrownBy(() -> judge(example, json -> json.replace("\"Bool\":", "\"BoolIfExists\":")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("aws:MultiFactorAuthPresent absent");
    }

    private void judge(Path example) throws Exception {
        judge(example, UnaryOperator.identity());
    }

    /** {@code tamper} rewrites each emitted policy file before it is read, as a faulty emitter would have written it. */
    private void judge(Path example, UnaryOperator<String> tamper) throws Exception {
        Path out = temp.resolve(example.getFileName().toString());
        Ztc.CompileResult result = Ztc.compile(new CompileOptions(example, Optional.of(out)));
        Path policyDir = out.resolve("terraform/modules/iam/policies");
        try (Stream<Path> files = Files.list(policyDir)) {
            for (Path file : files.toList()) {
                Files.writeString(file, tamper.apply(Files.readString(file)));
            }
        }
        int requests = 0;
        for (CloudIdentityLayer.Role role : result.ir().cloudIdentity().roles()) {
            List<IamPolicyDocument> policies = policiesOf(policyDir, role.name());
            assertThat(policies).as("policies of role %s", role.name()).isNotEmpty();
            for (CloudIdentityLayer.Statement statement : role.statements()) {
                for (String action : statement.actions()) {
                    for (String pattern : statement.resources()) {
                        IamRequestContext granted = satisfying(statement, action, pattern.replace("*", SAMPLE).replace("?", "x"));
                        requests += judgeVariants(role, statement, policies, granted);
                    }
                }
            }
        }
        assertThat(requests).as("requests judged for %s", example).isPositive();
    }

    private static int judgeVariants(CloudIdentityLayer.Role role, CloudIdentityLayer.Statement statement,
                                     List<IamPolicyDocument> policies, IamRequestContext granted) {
        String what = role.name() + " " + statement.sid() + " " + granted.action() + " on " + granted.resource();
        IamDecision allowed = IamEvaluator.evaluate(policies, granted);
        assertThat(allowed.outcome()).as(what + " with its conditions met").isEqualTo(IamDecision.Outcome.ALLOW);
        assertThat(allowed.allowingSids()).as(what).contains(statement.sid());
        int judged = 1;
        for (Map.Entry<String, Map<String, List<String>>> op : statement.conditions().entrySet()) {
            for (String key : op.getValue().keySet()) {
                for (IamRequestContext broken : List.of(granted.without(key), granted.with(key, wrongValue(op.getKey(), op.getValue().get(key))))) {
                    IamDecision decision = IamEvaluator.evaluate(policies, broken);
                    String variant = what + " with " + key + " " + broken.values(key).map(Object::toString).orElse("absent");
                    assertThat(decision.allowed()).as(variant).isEqualTo(irAllows(role, broken));
                    if (!decision.allowed()) {
                        assertThat(decision.unmetConditions()).as(variant)
                                .anyMatch(u -> u.sid().equals(statement.sid()) && u.key().equals(key));
                    }
                    judged++;
                }
            }
        }
        String foreign = FOREIGN_ACTIONS.stream().filter(a -> role.statements().stream().flatMap(s -> s.actions().stream())
                .noneMatch(granted2 -> service(granted2).equals(service(a)))).findFirst().orElseThrow();
        IamRequestContext other = new IamRequestContext(foreign, granted.resource(), granted.keys());
        assertThat(IamEvaluator.evaluate(policies, other).outcome()).as(what + " as " + foreign)
                .isEqualTo(IamDecision.Outcome.IMPLICIT_DENY);
        return judged + 1;
    }

    /** The policy files of one role: {@code <role>-<n>.json}, as IamModule names them. */
    private static List<IamPolicyDocument> policiesOf(Path dir, String role) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(role) + "-\\d+\\.json");
        List<IamPolicyDocument> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> name.matcher(f.getFileName().toString()).matches()).sorted().toList()) {
                out.add(IamPolicyDocument.parse(Files.readString(file)));
            }
        }
        return out;
    }

    /** A request for {@code action} on {@code resource} that meets each of the statement's conditions. */
    private static IamRequestContext satisfying(CloudIdentityLayer.Statement statement, String action, String resource) {
        IamRequestContext request = IamRequestContext.of(action, resource);
        for (Map.Entry<String, Map<String, List<String>>> op : statement.conditions().entrySet()) {
            for (Map.Entry<String, List<String>> key : op.getValue().entrySet()) {
                String first = key.getValue().get(0);
                switch (op.getKey()) {
                    case "Bool":
                    case "StringEquals":
                        request = request.with(key.getKey(), first);
                        break;
                    case "IpAddress":
                        request = request.with(key.getKey(),
                                new IPAddressString(first).getAddress().getLower().withoutPrefixLength().toCanonicalString());
                        break;
                    default:
                        fail("ztc now emits condition operator " + op.getKey() + ": teach this test and the oracle it");
                }
            }
        }
        return request;
    }

    private static String wrongValue(String operator, List<String> values) {
        switch (operator) {
            case "Bool":
                return values.get(0).equals("true") ? "false" : "true";
            case "IpAddress":
                assertThat(values).noneMatch(cidr -> new IPAddressString(cidr).getAddress()
                        .contains(new IPAddressString(OUTSIDE_IP).getAddress()));
                return OUTSIDE_IP;
            default:
                return "ztc-wrong-posture";
        }
    }

    /** The oracle: whether any IR statement of the role grants the request, by exact action and the three operators ztc emits. */
    private static boolean irAllows(CloudIdentityLayer.Role role, IamRequestContext request) {
        return role.statements().stream().anyMatch(s -> s.actions().stream().anyMatch(a -> a.equalsIgnoreCase(request.action()))
                && s.resources().stream().anyMatch(r -> request.resource().matches(
                        Pattern.quote(r).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q")))
                && s.conditions().entrySet().stream().allMatch(op -> op.getValue().entrySet().stream()
                        .allMatch(key -> request.values(key.getKey()).map(v -> v.size() == 1 && key.getValue().stream()
                                .anyMatch(p -> holds(op.getKey(), p, v.get(0)))).orElse(false))));
    }

    private static boolean holds(String operator, String policyValue, String requestValue) {
        switch (operator) {
            case "Bool":
                return policyValue.equalsIgnoreCase(requestValue);
            case "IpAddress":
                return new IPAddressString(policyValue).getAddress().contains(new IPAddressString(requestValue).getAddress());
            default:
                return policyValue.equals(requestValue);
        }
    }

    private static String service(String action) {
        return action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
    }
}
