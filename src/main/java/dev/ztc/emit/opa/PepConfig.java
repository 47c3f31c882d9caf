package dev.ztc.emit.opa;

import java.util.List;

/**
 * Configuration for the two policy enforcement points of the seed architecture, next to the bundle:
 * Envoy's ext_authz filter (gRPC to the opa-envoy plugin, failing closed) and nginx's auth_request with an
 * njs shim that turns OPA's {@code allow} into 204 or 403 (auth_request takes any 2xx as allow, and OPA's
 * data API answers 200 for a deny). They hold no project data, so nothing from the input can reach them;
 * the nginx port and OPA's address are the template's fixed values, each written once, for the user to set.
 */
public final class PepConfig {

    static final List<String> FILES = List.of("envoy-ext-authz.yaml", "opa-envoy.yaml", "nginx.conf", "ztc_authz.js");

    private PepConfig() {
    }
}
