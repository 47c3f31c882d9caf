package dev.ztc.emit;

import dev.ztc.ir.ApplicationLayer;
import dev.ztc.ir.Ir;

import java.util.TreeSet;

/** The template model of {@code modules/opa-bundle}, which publishes the OPA bundle ztc builds. */
final class OpaBundleModule {

    /** OPA's own defaults are 60/120 s; a policy change should reach the PEPs within a minute or two. */
    static final int POLLING_MIN_SECONDS = 30;
    static final int POLLING_MAX_SECONDS = 90;

    public record Model(String organization, String defaultKey, int pollingMin, int pollingMax, String rules) {
    }

    private OpaBundleModule() {
    }

    /** Present when the matrix has an application layer, i.e. there is a bundle to publish. */
    static boolean applies(Ir ir) {
        return !ir.application().routes().isEmpty();
    }

    static Model of(Ir ir) {
        TreeSet<String> rules = new TreeSet<>();
        for (ApplicationLayer.Route route : ir.application().routes()) {
            rules.addAll(route.ruleIds());
        }
        return new Model(ir.organization(), "ztc/" + ir.organization() + "/bundle.tar.gz", POLLING_MIN_SECONDS,
                POLLING_MAX_SECONDS, String.join(", ", rules));
    }
}
