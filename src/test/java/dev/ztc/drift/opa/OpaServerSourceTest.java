package dev.ztc.drift.opa;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.drift.LayerState;
import dev.ztc.drift.OpaServer;
import dev.ztc.drift.StateObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code opa run --server}: loaded with the compiled bundle it reads as intended; loaded with a stale bundle
 * (compiled before a rule was withdrawn) its revision and the decisions that rule made show the drift; an OPA that
 * is not there makes the layer unreadable.
 */
class OpaServerSourceTest {

    @TempDir
    Path temp;

    @Test
    void theCompiledBundleReadsAsIntendedAndAStaleOneDoesNot() throws Exception {
        Path project = Fixtures.copy(Fixtures.repo().resolve("examples/bank-payments"), temp.resolve("p"));
        Path current = temp.resolve("current");
        Ztc.compile(new CompileOptions(project, Optional.of(current)));
        ResolvedProject resolved = Ztc.loadAndCheck(project);
        List<StateObject> intended = OpaSample.intended(resolved, Map.of("opa/.manifest", Files.readString(current.resolve("opa/.manifest"))));
        assertThat(intended).extracting(StateObject::kind).contains("opa-bundle", "opa-decision");

        assertThat(byId(live(current.resolve("opa"), resolved))).isEqualTo(byId(intended));

        // the stale bundle: compiled while the matrix still let web-frontend read payments' status
        Path stale = temp.resolve("stale");
        Path older = Fixtures.copy(project, temp.resolve("older"));
        Path matrix = older.resolve("matrix.yaml");
        Files.writeString(matrix, Files.readString(matrix).replace("GET /api/payments/status/*", "GET /api/payments/*"));
        Ztc.compile(new CompileOptions(older, Optional.of(stale)));
        Map<String, StateObject> live = byId(live(stale.resolve("opa"), resolved));
        Map<String, StateObject> want = byId(intended);
        assertThat(live.get("opa-bundle:ztc").fields().get("revision")).isNotEqualTo(want.get("opa-bundle:ztc").fields().get("revision"));
        List<String> changedDecisions = want.keySet().stream().filter(k -> k.startsWith("opa-decision:"))
                .filter(k -> !want.get(k).equals(live.get(k))).toList();
        assertThat(changedDecisions).as("decisions the wider stale rule changes").isNotEmpty()
                .allMatch(k -> live.get(k).fields().get("allow").equals("true") && want.get(k).fields().get("allow").equals("false"));
    }

    @Test
    void anOpaThatIsNotThereIsUnreadable() throws Exception {
        ResolvedProject resolved = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/bank-payments"));
        List<LayerState> states = new OpaServerSource(OpaServer.closedPort(), resolved, Duration.ofSeconds(2)).read();
        assertThat(states).hasSize(1);
        assertThat(states.get(0).unreadable()).isPresent();
        assertThat(states.get(0).objects()).isEmpty();
    }

    private static Map<String, StateObject> byId(List<StateObject> objects) {
        return objects.stream().collect(Collectors.toMap(StateObject::id, o -> o, (a, b) -> a, TreeMap::new));
    }

    /** Starts opa with the bundle directory, reads it through the source, stops it. */
    private List<StateObject> live(Path bundle, ResolvedProject resolved) throws Exception {
        try (OpaServer opa = OpaServer.start(bundle, temp.resolve("opa-" + bundle.getParent().getFileName() + ".log"))) {
            List<LayerState> states = new OpaServerSource(opa.base(), resolved, Duration.ofSeconds(5)).read();
            assertThat(states.get(0).unreadable()).isEmpty();
            return states.get(0).objects();
        }
    }
}
