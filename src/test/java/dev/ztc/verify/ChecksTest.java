package dev.ztc.verify;

import dev.ztc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fixture project per check under src/test/resources/verify/ZT###/: each triggers its check and no other.
 * The soundness checks, which a correct compiler never triggers, are tested on tampered artifacts
 * ({@link TamperedArtifactsTest}).
 */
class ChecksTest {

    @Test
    void theCleanFixturesHaveNoFindings() throws Exception {
        assertThat(Verified.report(Verified.fixture("clean")).findings()).isEmpty();
        assertThat(Verified.report(Verified.fixture("ca")).findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZT105", "ZT201", "ZT203", "ZT204", "ZT205", "ZT206", "ZT207", "ZT209", "ZT301", "ZT302",
            "ZT303", "ZT304", "ZT305", "ZT306"})
    void eachFixtureTriggersItsCheckAndOnlyIt(String check) throws Exception {
        VerifyReport report = Verified.report(Verified.fixture(check));
        assertThat(Verified.unsuppressedIds(report)).as(report.findings().toString()).isEqualTo(Set.of(check));
        // every finding points into the fixture's own input files
        Verified.unsuppressed(report).forEach(f -> assertThat(f.location().file()).contains("verify/" + check + "/"));
    }

    @Test
    void everyCheckHasADocsPageAndAnIdInItsGroup() {
        for (Check check : CheckRegistry.all()) {
            assertThat(Files.isRegularFile(Fixtures.repo().resolve(check.helpUri()))).as(check.helpUri()).isTrue();
            assertThat(check.id()).matches("ZT[1-4][0-9]{2}");
            assertThat(check.summary()).isNotBlank();
        }
        assertThat(CheckRegistry.all()).extracting(Check::id).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theSensitiveActionFindingNamesTheRuleAndTheArtifact() throws Exception {
        Finding finding = Verified.unsuppressed(Verified.report(Verified.fixture("ZT204"))).get(0);
        assertThat(finding.ruleIds()).containsExactly("AN-READ");
        assertThat(finding.artifact()).isEqualTo("terraform/modules/iam/policies/analyst-1.json#ANREADRead");
        assertThat(finding.location().line()).isEqualTo(4);
    }

    @Test
    void anExpiredSuppressionNoLongerSuppresses() throws Exception {
        VerifyReport report = Verified.report(Verified.fixture("ZT306"));
        assertThat(report.findings()).noneMatch(ReportedFinding::suppressed);
        assertThat(Verified.unsuppressed(report)).extracting(Finding::checkId).containsExactly("ZT306");
    }
}
