package dev.ztc.validate.iam;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as IAM sees it: the action ({@code s3:GetObject}), the resource ARN, and the request context
 * keys. Keys are case-insensitive in IAM ({@code aws:sourceip} is {@code aws:SourceIp}); an absent key is
 * absent, never empty. Most keys hold one value; multivalued ones ({@code aws:TagKeys}) hold several.
 */
public record IamRequestContext(String action, String resource, Map<String, List<String>> keys) {

    public IamRequestContext {
        if (action == null || action.isBlank() || resource == null || resource.isBlank()) {
            throw new IamPolicyFormatException("a request needs an action and a resource");
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        keys.forEach((k, v) -> {
            if (copy.put(k, List.copyOf(v)) != null) {
                throw new IamPolicyFormatException("request context key '" + k + "' given twice");
            }
        });
        keys = Collections.unmodifiableMap(copy);
    }

    public static IamRequestContext of(String action, String resource) {
        return new IamRequestContext(action, resource, Map.of());
    }

    /** A copy with {@code key} set to {@code values}, replacing what it held. */
    public IamRequestContext with(String key, String... values) {
        TreeMap<String, List<String>> next = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        next.putAll(keys);
        next.put(key, List.of(values));
        return new IamRequestContext(action, resource, next);
    }

    /** A copy without {@code key}: how a request without MFA or without a device tag looks to IAM. */
    public IamRequestContext without(String key) {
        TreeMap<String, List<String>> next = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        next.putAll(keys);
        next.remove(key);
        return new IamRequestContext(action, resource, next);
    }

    public Optional<List<String>> values(String key) {
        return Optional.ofNullable(keys.get(key));
    }
}
