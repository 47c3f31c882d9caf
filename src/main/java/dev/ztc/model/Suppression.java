package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code ztc.yaml} {@code suppressions[]}: accept the findings of one verify check on one matrix rule, for a
 * stated reason, optionally until a date. Keyed on ids, never on file positions, so that editing the matrix
 * does not silently move a suppression onto another rule.
 */
public record Suppression(String check, String rule, String reason, Optional<LocalDate> expires, SourceLocation at) {

    /** Expired on {@code today} when the expiry date has passed (the expiry day itself still suppresses). */
    public boolean expiredOn(LocalDate today) {
        return expires.filter(today::isAfter).isPresent();
    }
}
