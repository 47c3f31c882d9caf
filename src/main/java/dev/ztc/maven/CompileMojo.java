package dev.ztc.maven;

import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.InputException;
import dev.ztc.model.Settings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

/** {@code ztc:compile}: the CLI's {@code compile}: load, check, compile and emit into {@code <outputDirectory>}. */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CompileMojo extends AbstractZtcMojo {

    /** State of the generated Conditional Access policies: enabled, disabled or enabledForReportingButNotEnforced. */
    @Parameter(property = "ztc.caState")
    String caState;

    /** An unencrypted PKCS#8 PEM private key that signs the OPA bundle (RSA: RS256, P-256: ES256). */
    @Parameter(property = "ztc.signingKey")
    File signingKey;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Optional<Settings.ConditionalAccessState> state = Optional.empty();
        if (caState != null) {
            state = Settings.ConditionalAccessState.parse(caState);
            if (state.isEmpty()) {
                throw new MojoExecutionException("<caState> must be enabled, disabled or enabledForReportingButNotEnforced"
                        + ", not '" + caState + "' (ztc.caState)");
            }
        }
        try {
            Ztc.CompileResult result = Ztc.compile(new CompileOptions(project(), out(), templatesDir(), state,
                    Optional.ofNullable(signingKey).map(File::toPath)));
            result.summary().format().lines().forEach(getLog()::info);
            getLog().info("ztc: compiled " + project() + " into " + outputDirectory);
        } catch (InputException e) {
            throw inputErrors("compile", e);
        } catch (IOException e) {
            throw new MojoExecutionException("ztc:compile cannot write <outputDirectory> " + outputDirectory + ": " + e.getMessage(), e);
        }
    }
}
