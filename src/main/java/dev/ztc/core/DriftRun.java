package dev.ztc.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.InputException;
import dev.ztc.drift.DriftComparison;
import dev.ztc.drift.DriftReport;
import dev.ztc.drift.DriftSource;
import dev.ztc.drift.LayerDrift;
import dev.ztc.drift.LayerState;
import dev.ztc.drift.StateObject;
import dev.ztc.drift.report.DriftFormat;
import dev.ztc.drift.report.DriftHistory;
import dev.ztc.drift.report.HistoryEntry;
import dev.ztc.drift.report.ReportInput;
import dev.ztc.drift.report.ReportWriter;
import dev.ztc.emit.Templates;
import dev.ztc.model.Asset;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code drift}, step by step: load and check; plan the sources (settings checked before anything is read);
 * read the history before anything can change it; make sure the compiled output is current; read every source; compare each layer that a source was asked about or
 * reported; render every report, then put them and the history line in place.
 */
final class DriftRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Asset kinds whose rules also count for the CISA Data pillar. */
    private static final Set<String> DATA_KINDS = Set.of("database", "s3-bucket", "dynamodb-table", "kms-key", "secret");

    private DriftRun() {
    }

    static DriftReport run(DriftOptions options, Clock clock) throws InputException, IOException, DriftSettingException {
        ResolvedProject project = Ztc.loadAndCheck(options.projectDir());
        List<DriftSources.Planned> planned = DriftSources.plan(options, project);
        Templates templates = Templates.of(options.templates());
        String historyBefore = ReportWriter.readHistory(options.historyFile());
        CompiledOutput.ensure(options.compileOptions());
        Map<String, String> artifacts = CompiledOutput.read(options.compileOptions().outputDir());

        Map<EnforcementLayer, List<LayerState>> live = new EnumMap<>(EnforcementLayer.class);
        for (DriftSources.Planned source : planned) {
            for (LayerState state : read(source)) {
                live.computeIfAbsent(state.layer(), l -> new ArrayList<>()).add(state);
            }
        }
        DriftComparison comparison = new DriftComparison(project, LocalDate.ofInstant(clock.instant(), clock.getZone()));
        List<LayerDrift> layers = new ArrayList<>();
        for (EnforcementLayer layer : live.keySet()) {
            layers.add(compare(comparison, layer, project, artifacts, live.get(layer)));
        }
        DriftReport report = new DriftReport(project.organization(), revision(artifacts),
                clock.instant().truncatedTo(ChronoUnit.SECONDS), layers);

        DriftHistory.Loaded history = DriftHistory.parse(historyBefore);
        ReportInput input = new ReportInput(report, history.entries(), history.skippedLines(), dataRules(project));
        Map<DriftFormat, String> rendered = new EnumMap<>(DriftFormat.class);
        for (DriftFormat format : options.formats()) {
            rendered.put(format, format.render(templates, input));
        }
        ReportWriter.write(rendered, options.reportDirectory(), options.historyFile(), historyBefore, HistoryEntry.of(report));
        return report;
    }

    /**
     * What one source read, every layer it was asked about accounted for: a layer it did not report, or a source
     * that failed in a way it should have caught, is unreadable, never empty.
     */
    static List<LayerState> read(DriftSources.Planned planned) {
        List<LayerState> states = new ArrayList<>();
        DriftSource source = planned.source();
        try {
            states.addAll(source.read());
        } catch (RuntimeException e) {
            planned.kind().layers().forEach(l -> states.add(LayerState.unreadable(l, source.name(), "failed: " + e)));
            return states;
        }
        Set<EnforcementLayer> reported = EnumSet.noneOf(EnforcementLayer.class);
        states.forEach(s -> reported.add(s.layer()));
        for (EnforcementLayer layer : planned.kind().layers()) {
            if (!reported.contains(layer)) {
                states.add(LayerState.unreadable(layer, source.name(), "the source returned nothing for this layer"));
            }
        }
        return states;
    }

    static LayerDrift compare(DriftComparison comparison, EnforcementLayer layer, ResolvedProject project,
                                      Map<String, String> artifacts, List<LayerState> live) {
        List<DriftSources.LayerIntent> intents = DriftSources.INTENTS.stream().filter(i -> i.layers().contains(layer)).toList();
        String sources = String.join(", ", live.stream().map(LayerState::source).distinct().sorted().toList());
        List<StateObject> intended = new ArrayList<>();
        try {
            for (DriftSources.LayerIntent intent : intents) {
                intent.intent().intended(project, artifacts).stream().filter(o -> o.layer() == layer).forEach(intended::add);
            }
        } catch (IOException | RuntimeException e) {
            return comparison.compare(layer, List.of(), List.of(LayerState.unreadable(layer, sources,
                    "the compiled output cannot be read: " + e.getMessage())));
        }
        return comparison.compare(layer, intended, live);
    }

    /** The OPA bundle's revision names the compiled intent; without a bundle, a hash of ir.json does. */
    static String revision(Map<String, String> artifacts) {
        try {
            String revision = JSON.readTree(artifacts.getOrDefault("opa/.manifest", "{}")).path("revision").asText("");
            if (!revision.isEmpty()) {
                return revision;
            }
        } catch (IOException e) {
            // a manifest that does not parse names nothing; the IR's hash still identifies the intent
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(artifacts.getOrDefault("ir.json", "").getBytes(StandardCharsets.UTF_8));
            return "ir-sha256:" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> dataRules(ResolvedProject project) {
        Set<String> out = new TreeSet<>();
        for (MatrixRule rule : project.rules()) {
            Asset asset = project.assets().get(rule.what());
            if (asset != null && DATA_KINDS.contains(asset.kind())) {
                out.add(rule.id());
            }
        }
        return out;
    }
}
