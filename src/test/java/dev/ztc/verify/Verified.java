package dev.ztc.verify;

import dev.ztc.Fixtures;
import dev.ztc.core.VerifyOptions;
import dev.ztc.core.Ztc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Verify runs for tests: today is fixed at 2026-06-01, and the external-tool checks are left out. */
final class Verified {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    private Verified() {
    }

    static Path fixture(String name) {
        return Fixtures.repo().resolve("src/test/resources/verify").resolve(name);
    }

    static VerifyContext context(Path project) throws Exception {
        return Ztc.verifyContext(new VerifyOptions(project, Optional.empty(), false), TODAY);
    }

    static VerifyReport report(Path project) throws Exception {
        return run(context(project), project);
    }

    static VerifyReport run(VerifyContext context, Path project) {
        return Verifier.verify(context, CheckRegistry.builtIn(), project.toString());
    }

    /** The check ids with findings no suppression accepts. */
    static Set<String> unsuppressedIds(VerifyReport report) {
        Set<String> ids = new TreeSet<>();
        report.findings().stream().filter(f -> !f.suppressed()).forEach(f -> ids.add(f.finding().checkId()));
        return ids;
    }

    static List<Finding> unsuppressed(VerifyReport report) {
        return report.findings().stream().filter(f -> !f.suppressed()).map(ReportedFinding::finding).toList();
    }
}
