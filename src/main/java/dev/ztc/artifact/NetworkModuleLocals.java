package dev.ztc.artifact;

import com.bertramlabs.plugins.hcl4j.HCLParser;

import java.util.Map;

/**
 * The {@code locals} block of {@code modules/network/main.tf}, where ztc writes every group and rule as data
 * (the resources below it only loop over them), so one parse serves both the group and the rule readers.
 */
final class NetworkModuleLocals {

    private NetworkModuleLocals() {
    }

    /** The locals, or a {@link IllegalArgumentException} saying what keeps them from being read. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String main) {
        Map<String, Object> locals;
        try {
            locals = (Map<String, Object>) new HCLParser().parse(main).get("locals");
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot be parsed: " + e.getMessage(), e);
        }
        if (locals == null) {
            throw new IllegalArgumentException("has no locals block");
        }
        return locals;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
