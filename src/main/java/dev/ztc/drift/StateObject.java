package dev.ztc.drift;

import dev.ztc.model.EnforcementLayer;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One enforceable object, intended (from the compiled output) or live (from a cloud API, a running OPA, or a
 * Terraform state), in one normal form so that the two sides compare field by field.
 *
 * <p>{@code kind} and {@code key} identify the object on both sides, independent of cloud-assigned ids:
 * <ul>
 *   <li>{@code security-group}: key = group name (e.g. {@code northbank-asset-payments-db}); fields {@code description}, {@code vpc}</li>
 *   <li>{@code security-group-rule}: key = {@code <group name>|<ingress|egress>|<peer>|<protocol>|<from>-<to>} where peer is
 *       a CIDR ({@code 10.0.1.0/24}, {@code ::/0}) or {@code sg:<peer group name>}; fields {@code description}</li>
 *   <li>{@code iam-role}: key = role name; fields {@code trust} (the trust policy, canonical JSON), {@code max_session_duration},
 *       {@code policies} (attached managed policy names, comma-separated, sorted)</li>
 *   <li>{@code iam-policy}: key = policy name; fields {@code document} (the default version's document, canonical JSON:
 *       keys sorted, lists of actions/resources sorted, single strings as one-element lists)</li>
 *   <li>{@code ca-policy}: key = display name; fields {@code state}, {@code applications}, {@code include_users},
 *       {@code exclude_users}, {@code include_groups}, {@code exclude_groups}, {@code client_app_types},
 *       {@code include_locations}, {@code exclude_locations}, {@code sign_in_risk_levels}, {@code operator},
 *       {@code controls}, {@code sign_in_frequency_hours} (lists comma-separated, sorted; users, groups and locations
 *       by the inventory's ids where the object id or display name maps to one, else {@code id:<object id>})</li>
 *   <li>{@code named-location}: key = display name; fields {@code cidrs}</li>
 *   <li>{@code opa-bundle}: key = {@code ztc}; fields {@code revision}</li>
 * </ul>
 * {@code managed}: ztc owns it (its tags, or its name in ztc's convention); an unmanaged live object in scope is
 * reported but never "unexpected". {@code ruleIds}: the matrix rules it realizes, read from its own provenance
 * (descriptions, tags, Sids) on the live side.
 */
public record StateObject(EnforcementLayer layer, String kind, String key, Map<String, String> fields,
                          boolean managed, List<String> ruleIds) {

    public StateObject {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
        ruleIds = List.copyOf(new TreeSet<>(ruleIds));
    }

    /** {@code kind:key}, as reports name the object. */
    public String id() {
        return kind + ":" + key;
    }
}
