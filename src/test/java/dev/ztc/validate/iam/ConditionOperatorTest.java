package dev.ztc.validate.iam;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each operator against present, absent and multivalued request keys, as the IAM User Guide defines them. */
class ConditionOperatorTest {

    private static final List<String> ABSENT = null;

    static Stream<Arguments> cases() {
        return Stream.of(
                // operator, policy values, request values (null: key absent), holds
                arguments("StringEquals", List.of("managed"), List.of("managed"), true),
                arguments("StringEquals", List.of("managed"), List.of("Managed"), false),
                arguments("StringEquals", List.of("managed", "corporate"), List.of("corporate"), true),
                arguments("StringEquals", List.of("managed"), ABSENT, false),
                arguments("StringEquals", List.of("man*"), List.of("managed"), false),
                arguments("StringNotEquals", List.of("a", "b"), List.of("c"), true),
                arguments("StringNotEquals", List.of("a", "b"), List.of("b"), false),
                arguments("StringNotEquals", List.of("a"), ABSENT, true),
                arguments("StringEqualsIgnoreCase", List.of("managed"), List.of("MANAGED"), true),
                arguments("StringNotEqualsIgnoreCase", List.of("managed"), List.of("MANAGED"), false),
                arguments("StringLike", List.of("team-*"), List.of("team-payments"), true),
                arguments("StringLike", List.of("team-?"), List.of("team-ab"), false),
                arguments("StringLike", List.of("Team-*"), List.of("team-a"), false),
                arguments("StringNotLike", List.of("team-*"), List.of("ops"), true),
                arguments("StringNotLike", List.of("team-*"), List.of("team-x"), false),
                arguments("StringNotLike", List.of("team-*"), ABSENT, true),
                arguments("Bool", List.of("true"), List.of("true"), true),
                arguments("Bool", List.of("true"), List.of("TRUE"), true),
                arguments("Bool", List.of("true"), List.of("false"), false),
                arguments("Bool", List.of("true"), ABSENT, false),
                arguments("BoolIfExists", List.of("true"), ABSENT, true),
                arguments("BoolIfExists", List.of("true"), List.of("false"), false),
                arguments("IpAddress", List.of("203.0.113.0/25"), List.of("203.0.113.7"), true),
                arguments("IpAddress", List.of("203.0.113.0/25"), List.of("203.0.113.200"), false),
                arguments("IpAddress", List.of("203.0.113.0/25", "2001:db8:4400::/48"), List.of("2001:db8:4400::1"), true),
                arguments("IpAddress", List.of("2001:db8:4400::/48"), List.of("2001:db8:4401::1"), false),
                arguments("IpAddress", List.of("2001:db8:4400::/48"), List.of("203.0.113.7"), false),
                arguments("IpAddress", List.of("203.0.113.7"), List.of("203.0.113.7"), true),
                arguments("IpAddress", List.of("203.0.113.0/25"), ABSENT, false),
                arguments("NotIpAddress", List.of("203.0.113.0/25"), List.of("198.51.100.1"), true),
                arguments("NotIpAddress", List.of("203.0.113.0/25", "198.51.100.0/24"), List.of("198.51.100.1"), false),
                arguments("NotIpAddress", List.of("203.0.113.0/25"), ABSENT, true),
                arguments("IpAddressIfExists", List.of("203.0.113.0/25"), ABSENT, true),
                arguments("ArnLike", List.of("arn:aws:iam::*:role/ztc-*"), List.of("arn:aws:iam::111122223333:role/ztc-x"), true),
                arguments("ArnLike", List.of("arn:aws:iam::*:role/ztc-*"), List.of("arn:aws:iam::111122223333:user/ztc-x"), false),
                // each ARN part is matched alone: a * in the account cannot swallow the ':' before the resource
                arguments("ArnLike", List.of("arn:aws:s3:::*"), List.of("arn:aws:s3:::b/k:with:colons"), true),
                arguments("ArnLike", List.of("arn:aws:*"), List.of("arn:aws:s3:::bucket"), false),
                arguments("ArnEquals", List.of("arn:aws:s3:::bucket"), List.of("arn:aws:s3:::bucket"), true),
                arguments("ArnNotLike", List.of("arn:aws:s3:::b*"), List.of("arn:aws:s3:::other"), true),
                arguments("ArnNotEquals", List.of("arn:aws:s3:::b"), ABSENT, true),
                arguments("DateGreaterThan", List.of("2026-01-01T00:00:00Z"), List.of("2026-06-01T12:00:00Z"), true),
                arguments("DateGreaterThan", List.of("2026-01-01T00:00:00Z"), List.of("2025-12-31T23:59:59Z"), false),
                arguments("DateLessThan", List.of("2026-01-01T00:00:00Z"), List.of("2025-12-31T23:59:59+00:00"), true),
                arguments("DateLessThan", List.of("2026-01-01T01:00:00+01:00"), List.of("2026-01-01T00:30:00Z"), false),
                arguments("DateLessThanEquals", List.of("2026-01-01"), List.of("2026-01-01T00:00:00Z"), true),
                arguments("DateEquals", List.of("1767225600"), List.of("2026-01-01T00:00:00Z"), true),
                arguments("DateGreaterThan", List.of("2026-01-01T00:00:00Z"), ABSENT, false),
                arguments("NumericLessThanEquals", List.of("3600"), List.of("3600"), true),
                arguments("NumericLessThanEquals", List.of("3600"), List.of("3601"), false),
                arguments("NumericLessThan", List.of("10"), List.of("9.5"), true),
                arguments("NumericGreaterThan", List.of("10"), List.of("10"), false),
                arguments("NumericGreaterThanEquals", List.of("10"), List.of("10"), true),
                arguments("NumericEquals", List.of("10"), List.of("10.0"), true),
                arguments("NumericNotEquals", List.of("10", "11"), List.of("12"), true),
                arguments("Null", List.of("true"), ABSENT, true),
                arguments("Null", List.of("true"), List.of("x"), false),
                arguments("Null", List.of("false"), List.of("x"), true),
                arguments("ForAnyValue:StringEquals", List.of("a", "b"), List.of("x", "b"), true),
                arguments("ForAnyValue:StringEquals", List.of("a"), List.of("x", "y"), false),
                arguments("ForAnyValue:StringEquals", List.of("a"), ABSENT, false),
                arguments("ForAllValues:StringEquals", List.of("a", "b"), List.of("a", "b"), true),
                arguments("ForAllValues:StringEquals", List.of("a", "b"), List.of("a", "c"), false),
                // vacuous truth: the documented reason ForAllValues is dangerous in an Allow
                arguments("ForAllValues:StringEquals", List.of("a"), ABSENT, true),
                arguments("ForAllValues:StringLike", List.of("ztc-*"), List.of("ztc-a", "ztc-b"), true),
                arguments("ForAnyValue:StringNotEquals", List.of("a"), ABSENT, false),
                arguments("ForAnyValue:StringNotEquals", List.of("a"), List.of("a", "b"), true),
                arguments("ForAllValues:StringNotEquals", List.of("a"), List.of("a", "b"), false),
                arguments("ForAnyValue:StringEqualsIfExists", List.of("a"), ABSENT, true),
                arguments("StringNotEqualsIfExists", List.of("a"), List.of("a"), false),
                // host bits in a policy CIDR do not narrow it: AWS reads the whole block
                arguments("IpAddress", List.of("203.0.113.7/25"), List.of("203.0.113.100"), true),
                arguments("IpAddress", List.of("0.0.0.0/0"), List.of("8.8.8.8"), true),
                arguments("IpAddress", List.of("::/0"), List.of("8.8.8.8"), false));
    }

    @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
    @MethodSource("cases")
    void decidesOneKey(String operator, List<String> policy, List<String> request, boolean holds) {
        ConditionOperator op = ConditionOperator.parse(operator);
        op.checkPolicyValues("k", policy);
        Optional<String> failure = op.failure("k", Optional.ofNullable(request), policy);
        assertThat(failure.isEmpty()).as(failure.orElse("holds")).isEqualTo(holds);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("StringEqualsButDifferent", List.of("a"), "unsupported condition operator 'StringEqualsButDifferent'"),
                arguments("BinaryEquals", List.of("QUJD"), "unsupported condition operator 'BinaryEquals'"),
                arguments("ForSomeValues:StringEquals", List.of("a"), "unsupported condition operator"),
                arguments("NullIfExists", List.of("true"), "Null takes no qualifier"),
                arguments("IpAddress", List.of("not-an-ip"), "IpAddress policy value 'not-an-ip' is not an IP address"),
                arguments("Bool", List.of("yes"), "Bool policy value 'yes' is not true or false"),
                arguments("DateLessThan", List.of("next tuesday"), "is not an ISO-8601 date-time"),
                arguments("NumericLessThan", List.of("ten"), "is not a number"),
                arguments("StringEquals", List.of("${aws:username}"), "policy variable"),
                arguments("StringEquals", List.of(), "lists no values"),
                arguments("IpAddress", List.of("10.0.0.0/33"), "is not an IP address"),
                arguments("DateGreaterThan", List.of("2026-13-01T00:00:00Z"), "is not an ISO-8601"));
    }

    @ParameterizedTest(name = "{0} {1} refused")
    @MethodSource("refusals")
    void refusesWhatItCannotJudge(String operator, List<String> policy, String message) {
        assertThatThrownBy(() -> ConditionOperator.parse(operator).checkPolicyValues("k", policy))
                .isInstanceOf(IamPolicyFormatException.class).hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void refusesAMultivaluedKeyUnderASingleValueOperator() {
        assertThatThrownBy(() -> ConditionOperator.parse("StringEquals").failure("aws:TagKeys",
                Optional.of(List.of("a", "b")), List.of("a")))
                .isInstanceOf(IamPolicyFormatException.class).hasMessageContaining("ForAnyValue");
    }

    @org.junit.jupiter.api.Test
    void refusesACidrAsARequestAddress() {
        assertThatThrownBy(() -> ConditionOperator.parse("IpAddress").failure("aws:SourceIp",
                Optional.of(List.of("10.0.0.0/8")), List.of("10.0.0.0/8")))
                .isInstanceOf(IamPolicyFormatException.class).hasMessageContaining("a single IP address");
    }

    @org.junit.jupiter.api.Test
    void refusesAMalformedRequestValue() {
        assertThatThrownBy(() -> ConditionOperator.parse("IpAddress").failure("aws:SourceIp",
                Optional.of(List.of("somewhere")), List.of("10.0.0.0/8")))
                .isInstanceOf(IamPolicyFormatException.class).hasMessageContaining("request value 'somewhere'");
    }
}
