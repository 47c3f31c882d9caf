package dev.ztc.drift.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.emit.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format on hand-built reports: what each must show (summary first, every kind, the suppression and its
 * reason, the unknown layer and why, the layer not checked), that hostile strings from live data come out inert,
 * and that the same input renders the same bytes.
 */
class DriftReportFormatsTest {

    private static final Templates TEMPLATES = Templates.builtIn();

    @Test
    void htmlIsSelfContainedEscapedAndSummaryFirst() throws Exception {
        String html = DriftFormat.HTML.render(TEMPLATES, SampleReports.withHistory());
        // no element from the data, and nothing that loads anything: no script, no external resource
        assertThat(html).doesNotContain("<script", "<img", "<iframe", " src=\"", " href=\"", "<link", "url(", "@import");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
                "${var.x}", "[=evil]", "&lt;b&gt;web&lt;/b&gt;");
        // the summary comes before the charts, the charts before the tables
        assertThat(html.indexOf("id=\"summary\"")).isLessThan(html.indexOf("id=\"charts\""));
        assertThat(html.indexOf("id=\"charts\"")).isLessThan(html.indexOf("id=\"tables\""));
        assertThat(html).contains("class=\"banner unknown\"", "exit 2", "id=\"unknown\"", "answered 403 &lt;forbidden&gt;",
                "Not checked", "cloud-identity", "Applications and Workloads", "Data", "ZT603 on WEB-PAY-1",
                "(until 2027-01-31)", "class=\"suppressed\"");
        // a chart per layer and per pillar, bars only where there is something to count (network, application;
        // Networks, Applications, and Data, which is unknown yet has items), and the trend through four runs
        assertThat(count(html, "<div class=\"chart\">")).isEqualTo(4 + 5);
        assertThat(count(html, "<svg")).isEqualTo(2 + 3 + 1);
        assertThat(count(html, "<circle")).isEqualTo(4);
        assertThat(html).contains("<polyline class=\"line\"");
        for (String kind : List.of("missing", "unexpected", "changed", "unmanaged")) {
            assertThat(html).contains("<span class=\"kind " + kind + "\">" + kind + "</span>");
        }
        assertThat(DriftFormat.HTML.render(TEMPLATES, SampleReports.withHistory())).isEqualTo(html);
    }

    @Test
    void markdownEscapesPipesAndMarkup() throws Exception {
        String md = DriftFormat.MARKDOWN.render(TEMPLATES, SampleReports.withHistory());
        assertThat(md).startsWith("## ztc drift: northbank — unknown");
        assertThat(md).doesNotContain(SampleReports.SCRIPT, "**bold**").doesNotContainPattern("(?<!\\\\)[<>]");
        assertThat(md).contains("\\<script\\>", "added by hand \\| ", "\\*\\*bold\\*\\*", "**Unknown**",
                "**workforce-identity**", "ZT603 on WEB-PAY-1");
        // every table row of the network layer has exactly the six cells of its header: no pipe escaped its cell
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && l.contains("security-group")).toList();
        assertThat(rows).hasSize(5);
        for (String row : rows) {
            assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(7);
        }
        assertThat(md).contains("| network | drifted | 1 | 1 | 2 | 1 |", "| cloud-identity | not-checked | – | – | – | – |",
                "| Data | unknown | 1 | 0 | 1 | 0 |");
    }

    @Test
    void jsonCarriesEveryFieldAndParsesBack() throws Exception {
        String json = DriftFormat.JSON.render(TEMPLATES, SampleReports.withHistory());
        JsonNode root = new ObjectMapper().readTree(json);
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("project", "revision", "readAt", "status", "exitCode", "exitMeaning", "summary",
                "layers", "trend");
        assertThat(root.path("exitCode").asInt()).isEqualTo(2);
        assertThat(root.path("readAt").asText()).isEqualTo("2026-12-04T06:30:00Z");
        assertThat(root.path("summary").path("notChecked").toString()).isEqualTo("[\"cloud-identity\"]");
        JsonNode network = root.path("layers").get(0);
        assertThat(network.path("layer").asText()).isEqualTo("network");
        assertThat(network.path("items")).hasSize(5);
        JsonNode unexpected = network.path("items").get(1);
        assertThat(unexpected.path("key").asText()).isEqualTo(SampleReports.HOSTILE_KEY);
        assertThat(unexpected.path("checkId").asText()).isEqualTo("ZT602");
        JsonNode suppressed = network.path("items").get(2);
        assertThat(suppressed.path("changes").get(0).path("live").asText()).isEqualTo(SampleReports.HOSTILE_LIVE);
        assertThat(suppressed.path("suppressedBy").path("reason").asText()).contains("<b>web</b>");
        assertThat(suppressed.path("counts").asBoolean()).isFalse();
        JsonNode workforce = root.path("layers").get(1);
        assertThat(workforce.path("status").asText()).isEqualTo("unknown");
        assertThat(workforce.path("unknownBecause").asText()).contains("403");
        assertThat(root.path("trend")).hasSize(4);
        assertThat(root.path("trend").get(3).path("counting").asLong()).isEqualTo(3);
    }

    @Test
    void textIsOneLinePerItemAndShowsControlCharactersAsEscapes() {
        String text = TextReport.render(SampleReports.withHistory());
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("ztc drift northbank").contains("unknown (exit 2");
        assertThat(lines).filteredOn(l -> l.startsWith("network: ")).hasSize(5);
        assertThat(text).doesNotContain("\u001b").contains("\\u001b[31mred");
        assertThat(lines).anyMatch(l -> l.startsWith("  cloud-identity") && l.contains("not-checked"));
        assertThat(lines).anyMatch(l -> l.startsWith("  workforce-identity") && l.contains("unknown") && l.contains("403"));
        assertThat(lines).anyMatch(l -> l.contains("changed medium security-group-rule:web|ingress|10.0.1.0/24|tcp|443-443")
                && l.contains("(suppressed by ZT603 WEB-PAY-1"));
    }

    @Test
    void aCleanRunSaysInSync() throws Exception {
        ReportInput clean = ReportInput.of(SampleReports.clean());
        assertThat(TextReport.render(clean).lines().findFirst().orElseThrow()).contains("in-sync (exit 0");
        String html = DriftFormat.HTML.render(TEMPLATES, clean);
        assertThat(html).contains("class=\"banner in-sync\"", "No drift").doesNotContain("id=\"unknown\"");
    }

    @Test
    void everyFormatIsTheSameWhateverTheLocaleAndTimeZone() throws Exception {
        Map<DriftFormat, String> first = renderAll();
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            assertThat(renderAll()).isEqualTo(first);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void aUserTemplateReplacesTheBuiltInOneAndStillEscapes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("drift"));
        Files.writeString(dir.resolve("drift/report.html.ftl"), "<p>[=project] [=revision] [=status]</p>\n");
        String html = DriftFormat.HTML.render(Templates.of(Optional.of(dir)), SampleReports.withHistory());
        assertThat(html).isEqualTo("<p>northbank rev-&lt;script&gt;alert(1)&lt;/script&gt; unknown</p>\n");
    }

    private static Map<DriftFormat, String> renderAll() throws Exception {
        Map<DriftFormat, String> out = new EnumMap<>(DriftFormat.class);
        for (DriftFormat format : DriftFormat.values()) {
            out.put(format, format.render(TEMPLATES, SampleReports.withHistory()));
        }
        return out;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
