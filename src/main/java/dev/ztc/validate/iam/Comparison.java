package dev.ztc.validate.iam;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The comparison at the heart of a condition operator, for one request value against one policy value.
 * Negated comparisons ({@code StringNotEquals}, {@code NotIpAddress}...) report the positive match here;
 * {@link ConditionOperator} negates across all policy values, because AWS ANDs the values of a negated operator.
 */
public enum Comparison {
    STRING_EQUALS("StringEquals", false), STRING_NOT_EQUALS("StringNotEquals", true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false), STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
    STRING_LIKE("StringLike", false), STRING_NOT_LIKE("StringNotLike", true),
    NUMERIC_EQUALS("NumericEquals", false), NUMERIC_NOT_EQUALS("NumericNotEquals", true),
    NUMERIC_LESS_THAN("NumericLessThan", false), NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false), NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false),
    DATE_EQUALS("DateEquals", false), DATE_NOT_EQUALS("DateNotEquals", true),
    DATE_LESS_THAN("DateLessThan", false), DATE_LESS_THAN_EQUALS("DateLessThanEquals", false),
    DATE_GREATER_THAN("DateGreaterThan", false), DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false),
    BOOL("Bool", false),
    IP_ADDRESS("IpAddress", false), NOT_IP_ADDRESS("NotIpAddress", true),
    ARN_EQUALS("ArnEquals", false), ARN_LIKE("ArnLike", false),
    ARN_NOT_EQUALS("ArnNotEquals", true), ARN_NOT_LIKE("ArnNotLike", true),
    /** Existence test: {@code "true"} holds when the key is absent. Handled by {@link ConditionOperator}. */
    NULL("Null", false);

    final String operatorName;
    final boolean negated;

    Comparison(String operatorName, boolean negated) {
        this.operatorName = operatorName;
        this.negated = negated;
    }

    static Optional<Comparison> named(String name) {
        for (Comparison c : values()) {
            if (c.operatorName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Refuses a policy value this comparison could never evaluate, at parse time rather than per request. */
    void checkPolicyValue(String value) {
        if (value.contains("${")) {
            throw new IamPolicyFormatException(operatorName + " value '" + value + "' uses a policy variable, which is not supported");
        }
        parse(value, "policy value");
    }

    /** True when {@code requestValue} matches {@code policyValue} in the positive sense of this comparison. */
    @SuppressWarnings("unchecked") // parse returns the same Comparable type for both sides
    boolean matches(String requestValue, String policyValue) {
        Object request = parse(requestValue, "request value");
        Object policy = parse(policyValue, "policy value");
        switch (this) {
            case STRING_EQUALS: case STRING_NOT_EQUALS:
                return requestValue.equals(policyValue);
            case STRING_EQUALS_IGNORE_CASE: case STRING_NOT_EQUALS_IGNORE_CASE:
                return requestValue.equalsIgnoreCase(policyValue);
            case STRING_LIKE: case STRING_NOT_LIKE:
                return WildcardPattern.matches(policyValue, requestValue, false);
            case BOOL:
                return request.equals(policy);
            case IP_ADDRESS: case NOT_IP_ADDRESS:
                // an IPv4 request is never inside an IPv6 block, nor the reverse
                return ((IPAddress) policy).contains((IPAddress) request);
            case ARN_EQUALS: case ARN_LIKE: case ARN_NOT_EQUALS: case ARN_NOT_LIKE:
                // the User Guide gives ArnEquals the same wildcard matching as ArnLike
                return arnMatches(policyValue, requestValue);
            case NULL:
                throw new IllegalStateException("Null compares existence, not values");
            default:
                return ordered(((Comparable<Object>) request).compareTo(policy));
        }
    }

    private boolean ordered(int cmp) {
        switch (this) {
            case NUMERIC_EQUALS: case NUMERIC_NOT_EQUALS: case DATE_EQUALS: case DATE_NOT_EQUALS: return cmp == 0;
            case NUMERIC_LESS_THAN: case DATE_LESS_THAN: return cmp < 0;
            case NUMERIC_LESS_THAN_EQUALS: case DATE_LESS_THAN_EQUALS: return cmp <= 0;
            case NUMERIC_GREATER_THAN: case DATE_GREATER_THAN: return cmp > 0;
            case NUMERIC_GREATER_THAN_EQUALS: case DATE_GREATER_THAN_EQUALS: return cmp >= 0;
            default: throw new IllegalStateException(operatorName + " is not an ordered comparison");
        }
    }

    /** AWS checks each of the six colon-separated ARN parts on its own, so a {@code *} cannot swallow a {@code :}. */
    private static boolean arnMatches(String pattern, String arn) {
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length != 6 || a.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!WildcardPattern.matches(p[i], a[i], false)) {
                return false;
            }
        }
        return true;
    }

    /** The typed value; a value of the wrong type is refused, since treating it as "no match" could open a Deny. */
    private Object parse(String value, String what) {
        switch (this) {
            case NUMERIC_EQUALS: case NUMERIC_NOT_EQUALS: case NUMERIC_LESS_THAN: case NUMERIC_LESS_THAN_EQUALS:
            case NUMERIC_GREATER_THAN: case NUMERIC_GREATER_THAN_EQUALS:
                try {
                    return new BigDecimal(value.trim());
                } catch (NumberFormatException e) {
                    throw refused(value, what, "a number");
                }
            case DATE_EQUALS: case DATE_NOT_EQUALS: case DATE_LESS_THAN: case DATE_LESS_THAN_EQUALS:
            case DATE_GREATER_THAN: case DATE_GREATER_THAN_EQUALS:
                return instant(value, what);
            case BOOL:
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
                }
                throw refused(value, what, "true or false");
            case IP_ADDRESS: case NOT_IP_ADDRESS:
                IPAddress address = new IPAddressString(value.trim()).getAddress();
                if (address == null) {
                    throw refused(value, what, "an IP address or CIDR block");
                }
                if (what.startsWith("request")) {
                    if (address.isPrefixed()) {
                        throw refused(value, what, "a single IP address");
                    }
                    return address;
                }
                // AWS reads 203.0.113.7/25 as the whole /25, whatever the host bits say
                return address.isPrefixed() ? address.toPrefixBlock() : address;
            case NULL:
                if (value.equals("true") || value.equals("false")) {
                    return Boolean.valueOf(value);
                }
                throw refused(value, what, "true or false");
            default:
                return value;
        }
    }

    /** ISO-8601 with offset, a UTC date-time or date, or epoch seconds: the forms AWS documents for Date operators. */
    private Instant instant(String value, String what) {
        String v = value.trim();
        try {
            if (v.matches("\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(v));
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(v.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
            }
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw refused(value, what, "an ISO-8601 date-time or epoch seconds");
        }
    }

    private IamPolicyFormatException refused(String value, String what, String expected) {
        return new IamPolicyFormatException(operatorName + " " + what + " '" + value + "' is not " + expected);
    }
}
