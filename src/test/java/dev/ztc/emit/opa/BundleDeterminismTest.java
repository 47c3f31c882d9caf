package dev.ztc.emit.opa;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.compile.Compiler;
import dev.ztc.core.Ztc;
import dev.ztc.ir.ApplicationLayer;
import dev.ztc.ir.Ir;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundle is byte-identical for the same intent, whatever order the routes come in. */
class BundleDeterminismTest {

    private static Map<String, byte[]> emit(Ir ir, ResolvedProject project) throws dev.ztc.diag.InputException {
        return OpaBundleEmitter.emit(ir, project, List.of(), Optional.empty(), dev.ztc.emit.Templates.builtIn());
    }

    @Test
    void sameBytesTwiceAndAcrossRouteOrder() throws Exception {
        for (String example : List.of("bank-payments", "healthcare-saas")) {
            ResolvedProject project = Ztc.loadAndCheck(Fixtures.repo().resolve("examples").resolve(example));
            Ir ir = Compiler.compile(project);
            List<ApplicationLayer.Route> reversed = new ArrayList<>(ir.application().routes());
            Collections.reverse(reversed);
            Ir shuffled = new Ir(ir.formatVersion(), ir.organization(), ir.rules(), ir.network(), ir.cloudIdentity(),
                    ir.workforceIdentity(), new ApplicationLayer(reversed), ir.gaps());

            Map<String, byte[]> first = emit(ir, project);
            Map<String, byte[]> second = emit(ir, project);
            Map<String, byte[]> third = emit(shuffled, project);
            assertThat(first.keySet()).isEqualTo(third.keySet());
            for (String name : first.keySet()) {
                assertThat(second.get(name)).as(example + " " + name).isEqualTo(first.get(name));
                assertThat(third.get(name)).as(example + " " + name + " (routes reversed)").isEqualTo(first.get(name));
            }
        }
    }

    @Test
    void tarballHasFixedMetadataAndOnlyTheBundleFiles() throws Exception {
        ResolvedProject project = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/bank-payments"));
        byte[] tgz = emit(Compiler.compile(project), project).get("opa/bundle.tar.gz");
        // gzip header: magic, deflate, flags without FNAME, mtime 0, OS 255
        assertThat(tgz[0] & 0xff).isEqualTo(0x1f);
        assertThat(tgz[1] & 0xff).isEqualTo(0x8b);
        assertThat(tgz[3] & 0x08).as("no file name").isZero();
        assertThat(new byte[] {tgz[4], tgz[5], tgz[6], tgz[7]}).as("mtime").containsOnly(0);
        assertThat(tgz[9] & 0xff).isEqualTo(255);
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tgz)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
                assertThat(e.getModTime().getTime()).isZero();
                assertThat(e.getLongUserId()).isZero();
                assertThat(e.getLongGroupId()).isZero();
                assertThat(e.getUserName()).isEmpty();
                assertThat(e.getGroupName()).isEmpty();
                assertThat(e.getMode()).isEqualTo(0100644);
            }
        }
        assertThat(names).containsExactly("/.manifest", "/data.json", "/policy.rego");
    }

    @Test
    void manifestRevisionFollowsTheContent() throws Exception {
        ResolvedProject project = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/bank-payments"));
        Ir ir = Compiler.compile(project);
        String manifest = new String(emit(ir, project).get("opa/.manifest"), StandardCharsets.UTF_8);
        assertThat(manifest).matches("\\{\"revision\":\"sha256:[0-9a-f]{64}\",\"roots\":\\[\"ztc\"],\"rego_version\":1}");
        Ir fewer = new Ir(ir.formatVersion(), ir.organization(), ir.rules(), ir.network(), ir.cloudIdentity(),
                ir.workforceIdentity(), new ApplicationLayer(ir.application().routes().subList(1, ir.application().routes().size())),
                ir.gaps());
        assertThat(new String(emit(fewer, project).get("opa/.manifest"), StandardCharsets.UTF_8)).isNotEqualTo(manifest);
    }
}
