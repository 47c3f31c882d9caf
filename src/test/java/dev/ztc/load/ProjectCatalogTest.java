package dev.ztc.load;

import dev.ztc.Fixtures;
import dev.ztc.cli.CliRun;
import dev.ztc.model.Action;
import dev.ztc.model.Catalog;
import dev.ztc.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's catalog.yaml extends the shipped action catalog: it adds kinds, and replaces the meaning of a
 * shipped kind level by level, keeping the levels and required fields it does not name.
 */
class ProjectCatalogTest {

    @TempDir
    Path temp;

    @Test
    void aProjectCatalogAddsKindsAndReplacesSingleLevels() throws Exception {
        Path project = Fixtures.copy(Fixtures.project("minimal"), temp.resolve("p"));
        Files.writeString(project.resolve("catalog.yaml"), """
                version: 1
                kinds:
                  s3-bucket:
                    levels:
                      read:
                        iam:
                          - actions: [s3:GetObject]
                            resources: ["{arn}/published/*"]
                  queue:
                    requires: [arn]
                    levels:
                      write:
                        iam:
                          - actions: [sqs:SendMessage]
                            resources: ["{arn}"]
                """);

        Project loaded = ProjectLoader.load(project);
        Catalog builtIn = ProjectLoader.builtInCatalog();
        Catalog.AssetKind bucket = loaded.catalog().kind("s3-bucket").orElseThrow();
        Catalog.AssetKind shipped = builtIn.kind("s3-bucket").orElseThrow();

        assertThat(bucket.levels().get(Action.Level.READ).iam()).singleElement().satisfies(grant -> {
            assertThat(grant.actions()).containsExactly("s3:GetObject");
            assertThat(grant.resources()).containsExactly("{arn}/published/*");
        });
        // the levels and required fields the project's catalog does not name stay as shipped
        assertThat(bucket.levels().get(Action.Level.LIST)).isEqualTo(shipped.levels().get(Action.Level.LIST));
        assertThat(bucket.levels().keySet()).isEqualTo(shipped.levels().keySet());
        assertThat(bucket.requires()).isEqualTo(shipped.requires());
        assertThat(loaded.catalog().kind("queue")).hasValueSatisfying(queue -> {
            assertThat(queue.requires()).containsExactly("arn");
            assertThat(queue.levels()).containsOnlyKeys(Action.Level.WRITE);
        });
        assertThat(loaded.catalog().kinds().keySet()).containsAll(builtIn.kinds().keySet());
    }

    @Test
    void theReplacedLevelIsWhatTheIamPolicyGrants() throws Exception {
        Path project = Fixtures.copy(Fixtures.project("minimal"), temp.resolve("p"));
        Files.writeString(project.resolve("catalog.yaml"), """
                version: 1
                kinds:
                  s3-bucket:
                    levels:
                      read:
                        iam:
                          - actions: [s3:GetObject]
                            resources: ["{arn}/published/*"]
                """);
        Path out = temp.resolve("out");

        CliRun run = CliRun.of("compile", project.toString(), "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String policies;
        try (var files = Files.list(out.resolve("terraform/modules/iam/policies"))) {
            policies = String.join("\n", files.sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
        }
        assertThat(policies).contains("\"s3:GetObject\"", "\"arn:aws:s3:::acme-finance-reports/published/*\"")
                .doesNotContain("s3:GetObjectVersion", "\"arn:aws:s3:::acme-finance-reports/*\"");
    }

    @Test
    void aMalformedProjectCatalogIsALocatedInputError() throws Exception {
        Path project = Fixtures.copy(Fixtures.project("minimal"), temp.resolve("p"));
        Files.writeString(project.resolve("catalog.yaml"), """
                version: 1
                kinds:
                  s3-bucket:
                    levels:
                      read:
                        iam:
                          - actions: ["s3:*"]
                            resources: ["*"]
                """);

        CliRun run = CliRun.of("compile", project.toString(), "--out", temp.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("catalog.yaml:7:", "is not an IAM action without wildcards",
                "must be {arn} or {arn}/suffix");
        assertThat(temp.resolve("out")).doesNotExist();
    }
}
