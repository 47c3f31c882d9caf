package dev.ztc.verify.checks;

import dev.ztc.verify.Check;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;

/** A check's identity, declared once in its constructor (like error-prone's {@code @BugPattern}). */
abstract class DeclaredCheck implements Check {

    private final String id;
    private final Severity severity;
    private final Tenet tenet;
    private final Pillar pillar;
    private final String summary;

    DeclaredCheck(String id, Severity severity, Tenet tenet, Pillar pillar, String summary) {
        this.id = id;
        this.severity = severity;
        this.tenet = tenet;
        this.pillar = pillar;
        this.summary = summary;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final Tenet tenet() {
        return tenet;
    }

    @Override
    public final Pillar pillar() {
        return pillar;
    }
}
