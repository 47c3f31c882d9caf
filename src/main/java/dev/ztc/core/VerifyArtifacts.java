package dev.ztc.core;

import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.InputException;
import dev.ztc.emit.IrJson;
import dev.ztc.emit.OutputTree;
import dev.ztc.emit.Templates;
import dev.ztc.emit.TerraformEmitter;
import dev.ztc.emit.opa.BundleArchive;
import dev.ztc.emit.opa.OpaBundleEmitter;
import dev.ztc.ir.Ir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The generated files verify's checks read, by path relative to the output directory: either emitted in memory or
 * read from a compiled output. Both give the same set of paths for the same project, so that a check sees no
 * difference between the two but the content: text files only (the bundle tarball holds exactly the bundle's
 * policy, data and manifest, which are checked as text), no {@code reports/} (what later commands wrote), no
 * output marker and no bundle signature (a signature proves who built the bundle, nothing about what it grants).
 */
final class VerifyArtifacts {

    /** Bundle file that only a signed compile writes; verify's in-memory emit is unsigned. */
    private static final String SIGNATURES = OpaBundleEmitter.DIR + ".signatures.json";

    private static final String ARCHIVE = OpaBundleEmitter.DIR + "bundle.tar.gz";

    /** The files compile packs into the archive (besides a signature); see {@code OpaBundleEmitter}. */
    private static final List<String> BUNDLE_FILES = List.of("policy.rego", "data.json", ".manifest");

    private VerifyArtifacts() {
    }

    /** What compile would write for this IR, emitted in memory; nothing touches the disk. */
    static Map<String, String> inMemory(Ir ir, ResolvedProject resolved, Templates templates) throws InputException {
        OutputTree tree = new OutputTree();
        tree.add("ir.json", IrJson.write(ir));
        new TerraformEmitter(templates).emitInto(ir, resolved, tree);
        Map<String, String> artifacts = new TreeMap<>();
        tree.files().forEach((path, bytes) -> artifacts.put(path, new String(bytes, StandardCharsets.UTF_8)));
        OpaBundleEmitter.emit(ir, resolved, OpaSamples.of(resolved), Optional.empty(), templates).forEach((path, bytes) -> {
            if (!path.endsWith(".tar.gz")) {
                artifacts.put(path, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return artifacts;
    }

    /**
     * The compiled output as it is on disk (hand edits included), compiled first when missing or older than the
     * input, so that what is judged is what Terraform will apply.
     */
    static Map<String, String> onDisk(CompileOptions options) throws InputException, IOException {
        CompiledOutput.ensure(options);
        Map<String, String> artifacts = new TreeMap<>(CompiledOutput.read(options.outputDir()));
        artifacts.remove(OutputTree.MARKER);
        artifacts.remove(SIGNATURES);
        requireArchiveMatches(options.outputDir(), artifacts);
        return artifacts;
    }

    /**
     * Terraform uploads {@code opa/bundle.tar.gz}, while the checks read the bundle's files beside it as text. That
     * is sound only while the archive holds exactly those files, which compile guarantees and a hand edit of either
     * breaks: then verify refuses (fail closed) rather than pass a bundle it has not read. No archive, nothing to
     * upload and nothing to compare.
     */
    private static void requireArchiveMatches(Path out, Map<String, String> artifacts) throws IOException {
        Path archive = out.resolve(ARCHIVE);
        if (!Files.isRegularFile(archive)) {
            return;
        }
        Map<String, byte[]> inside;
        try {
            inside = BundleArchive.read(Files.readAllBytes(archive));
        } catch (IOException e) {
            throw new IOException(ARCHIVE + " cannot be read as a gzipped tar: " + e.getMessage(), e);
        }
        inside.remove(SIGNATURES.substring(OpaBundleEmitter.DIR.length()));
        for (Map.Entry<String, byte[]> file : inside.entrySet()) {
            String beside = artifacts.get(OpaBundleEmitter.DIR + file.getKey());
            if (beside == null || !beside.equals(new String(file.getValue(), StandardCharsets.UTF_8))) {
                throw new IOException(ARCHIVE + " holds a " + file.getKey() + (beside == null ? " that is not beside it"
                        : " that differs from " + OpaBundleEmitter.DIR + file.getKey()) + " (edited by hand?): Terraform"
                        + " uploads the archive and verify judges the files beside it; compile again");
            }
        }
        for (String name : BUNDLE_FILES) {
            if (artifacts.containsKey(OpaBundleEmitter.DIR + name) && !inside.containsKey(name)) {
                throw new IOException(ARCHIVE + " lacks the " + name + " that is beside it as " + OpaBundleEmitter.DIR + name
                        + " (edited by hand?); compile again");
            }
        }
    }
}
