package dev.ztc.ir;

import java.util.List;

/** What the OPA bundle's data.json holds: per HTTP asset, the routes each subject may call and under what conditions. */
public record ApplicationLayer(List<Route> routes) {
    public ApplicationLayer {
        routes = List.copyOf(routes);
    }

    /**
     * {@code subject} as in the matrix ({@code group:x}); {@code sourceCidrs} pins the caller's address (a
     * service's segment, a segment, a location, or {@code from}); {@code pathPatterns} are normalized; one ending in * is a prefix.
     */
    public record Route(String assetId, String basePath, String subject, List<String> methods, List<String> pathPatterns,
                        boolean mfa, List<String> devicePostures, List<String> sourceCidrs, Hours hours,
                        int maxSessionSeconds, String maxRisk, List<String> ruleIds) {
        public Route {
            methods = List.copyOf(methods);
            pathPatterns = List.copyOf(pathPatterns);
            devicePostures = List.copyOf(devicePostures);
            sourceCidrs = List.copyOf(sourceCidrs);
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /** Days as ISO numbers (1 = Monday), times as HH:mm, end exclusive; null when the rule sets no hours. */
    public record Hours(List<Integer> days, String start, String end, String zone) {
        public Hours {
            days = List.copyOf(days);
        }
    }
}
