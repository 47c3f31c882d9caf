package dev.ztc.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code plan-check} needs, filled by the CLI ({@code --plan}) and the Maven plugin ({@code <plan>}):
 * the project whose compiled intent the plan is judged against, the plan JSON ({@code terraform show -json}),
 * and templates as for compile.
 */
public record PlanCheckOptions(Path projectDir, Path plan, Optional<Path> templates) {
}
