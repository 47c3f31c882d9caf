package dev.ztc.validate.opa;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code plain_request} of {@code templates/opa/policy.rego}: the plain JSON input in one internal shape, a fact of
 * the wrong type read as absent ({@code null}), as the policy reads it. {@code time} is null when absent; an
 * unparseable time is {@link #badTime}.
 */
record PlainRequest(String method, String rawPath, String resource, String user, List<String> groups, String service,
                    boolean mfa, String posture, String risk, BigDecimal sessionAge, String sourceIp, Instant time,
                    boolean badTime) {

    static PlainRequest of(Map<String, Object> input) {
        Map<?, ?> subject = input.get("subject") instanceof Map<?, ?> s ? s : Map.of();
        Map<?, ?> device = input.get("device") instanceof Map<?, ?> d ? d : Map.of();
        List<String> groups = subject.get("groups") instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
        Instant time = null;
        boolean badTime = false;
        if (input.get("time") instanceof String text) {
            try {
                time = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                badTime = true;
            }
        }
        return new PlainRequest(string(input.get("method")), string(input.get("path")), string(input.get("resource")),
                string(subject.get("user")), groups, string(subject.get("service")), Boolean.TRUE.equals(subject.get("mfa")),
                string(device.get("posture")), string(subject.get("risk")), number(subject.get("session_age_seconds")),
                string(input.get("source_ip")), time, badTime);
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}
