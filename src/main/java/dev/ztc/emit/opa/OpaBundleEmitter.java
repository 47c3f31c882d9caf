package dev.ztc.emit.opa;

import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.InputException;
import dev.ztc.emit.Templates;
import dev.ztc.ir.Ir;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The application layer as an OPA bundle under {@code opa/}: the policy (written once, a template), the
 * data compiled from the IR, the manifest, optional signatures, and the deterministic tarball of exactly
 * those files; beside them, outside the tarball, the generated tests and the PEP configuration.
 */
public final class OpaBundleEmitter {

    public static final String DIR = "opa/";
    static final String POLICY = "policy.rego";
    static final String DATA = "data.json";
    static final String MANIFEST = ".manifest";
    static final String SIGNATURES = ".signatures.json";
    /** Where the policy and the PEP files live among the templates (--templates overrides them by name). */
    static final String TEMPLATES = "opa/";

    private OpaBundleEmitter() {
    }

    /** Paths relative to the output root, to their bytes. */
    public static Map<String, byte[]> emit(Ir ir, ResolvedProject project, List<SampleRequest> samples,
                                           Optional<BundleSigner> signer, Templates templates) throws InputException {
        Map<String, byte[]> bundle = new TreeMap<>();
        bundle.put(POLICY, templates.verbatim(TEMPLATES + POLICY).getBytes(StandardCharsets.UTF_8));
        bundle.put(DATA, BundleData.json(BundleData.of(ir.application(), project)));
        bundle.put(MANIFEST, BundleManifest.json(BundleManifest.revision(bundle)));
        signer.ifPresent(s -> bundle.put(SIGNATURES, s.signatures(bundle)));

        Map<String, byte[]> out = new TreeMap<>();
        bundle.forEach((name, bytes) -> out.put(DIR + name, bytes));
        out.put(DIR + "bundle.tar.gz", BundleArchive.tarGz(bundle));
        out.put(DIR + "tests/requests_test.rego", RegoTestWriter.write(samples).getBytes(StandardCharsets.UTF_8));
        for (String name : PepConfig.FILES) {
            out.put(DIR + "pep/" + name, templates.verbatim(TEMPLATES + "pep/" + name).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
