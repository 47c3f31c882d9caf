package dev.ztc.validate.ca;

import dev.ztc.artifact.EmittedConditionalAccessPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an applicable, non-blocking policy asks of a sign-in: its grant controls, joined by AND or OR, and its
 * sign-in frequency (a session older than that must sign in again). Offline, only {@code mfa} and
 * {@code compliantDevice} can be shown to hold; any other built-in control (an approved client app, a password
 * change...) is taken as unmet, so that what cannot be judged is never an allow.
 */
final class AccessControls {

    static final Set<String> OPERATORS = Set.of("AND", "OR");

    private AccessControls() {
    }

    /** What the sign-in lacks, one reason each, naming the policy; empty when every control is met. */
    static List<String> unmet(EmittedConditionalAccessPolicy policy, SignIn signIn) {
        List<String> out = new ArrayList<>();
        String name = "policy " + policy.displayName();
        List<String> missing = policy.controls().stream().filter(c -> !met(c, signIn)).toList();
        boolean granted = policy.controls().isEmpty()
                || (policy.operator().equals("OR") ? missing.size() < policy.controls().size() : missing.isEmpty());
        if (!granted && policy.operator().equals("OR")) {
            out.add(name + " requires one of " + String.join(", ", policy.controls()) + ": " + lacks(missing));
        } else if (!granted) {
            missing.forEach(c -> out.add(name + " requires " + c + ": " + lacks(List.of(c))));
        }
        if (policy.signInFrequencyHours() > 0) {
            String every = name + " requires a sign-in every " + policy.signInFrequencyHours() + "h";
            if (signIn.sessionAge().isEmpty()) {
                out.add(every + ": session age unknown");
            } else if (signIn.sessionAge().get().compareTo(Duration.ofHours(policy.signInFrequencyHours())) > 0) {
                out.add(every + ": the session is " + signIn.sessionAge().get().toMinutes() + " min old, re-authenticate");
            }
        }
        return out;
    }

    private static boolean met(String control, SignIn signIn) {
        return switch (control) {
            case "mfa" -> signIn.mfa();
            case "compliantDevice" -> signIn.compliantDevice();
            default -> false;
        };
    }

    private static String lacks(List<String> controls) {
        return String.join("; ", controls.stream().map(c -> switch (c) {
            case "mfa" -> "no mfa";
            case "compliantDevice" -> "device not compliant";
            default -> c + " cannot be shown offline";
        }).toList());
    }
}
