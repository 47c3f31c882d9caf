package dev.ztc.drift.report;

import dev.ztc.ExternalTool;
import dev.ztc.emit.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report in a real headless Chromium, opened from a file (no server): it renders to a real, non-blank
 * image of the window's size, and the DOM the browser builds holds the summary, the charts and the tables, with
 * the hostile strings as text and no element injected by them. {@code -Dztc.keepScreenshot=docs/drift-report.png}
 * keeps the showcase's screenshot (how the README's picture is made).
 */
class HtmlReportBrowserTest {

    @TempDir
    Path temp;

    @Test
    void theReportRendersInARealBrowserWithHostileDataAsText() throws Exception {
        ExternalTool chromium = ExternalTool.require("chromium");
        Path html = write(SampleReports.withHistory(), "hostile.html");
        screenshot(chromium, html, temp.resolve("hostile.png"));

        ExternalTool.Run dom = chromium.run(temp, Optional.empty(), 120, flags("--dump-dom", html.toUri().toString()));
        assertThat(dom.exitCode()).as(dom.err()).isZero();
        String text = dom.out();
        assertThat(text).contains("<section id=\"summary\">", "class=\"banner unknown\"", "id=\"unknown\"", "<section id=\"charts\">",
                "<polyline class=\"line\"", "<table class=\"items\">", "id=\"layer-network\"", "id=\"layer-application\"",
                "security-group:legacy-bastion", "&lt;script&gt;alert(1)&lt;/script&gt;", "Not checked");
        // the browser parsed no element out of the data: the only elements are the template's own
        assertThat(text).doesNotContain("<script", "<img");
        assertThat(text.indexOf("id=\"summary\"")).isLessThan(text.indexOf("id=\"tables\""));
    }

    @Test
    void theShowcaseRendersAsARealPicture() throws Exception {
        ExternalTool chromium = ExternalTool.require("chromium");
        Path png = temp.resolve("showcase.png");
        screenshot(chromium, write(SampleReports.showcase(), "showcase.html"), png);
        String keep = System.getProperty("ztc.keepScreenshot");
        if (keep != null) {
            Files.copy(png, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path write(ReportInput input, String name) throws Exception {
        Path html = temp.resolve(name);
        Files.writeString(html, DriftFormat.HTML.render(Templates.builtIn(), input), StandardCharsets.UTF_8);
        return html;
    }

    /** A 1280×2000 screenshot that javax.imageio reads as that size, with many colours: a page, not a blank. */
    private void screenshot(ExternalTool chromium, Path html, Path png) throws Exception {
        ExternalTool.Run shot = chromium.run(temp, Optional.empty(), 120,
                flags("--screenshot=" + png, "--window-size=1280,2000", html.toUri().toString()));
        assertThat(png).as("chromium: %s", shot.err()).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG that javax.imageio reads").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2000);
        assertThat(distinctColours(image)).as("not a blank page").isGreaterThan(20);
    }

    /** Headless, no sandbox (tests run as root in containers), no GPU, a profile of its own so runs never share one. */
    private String[] flags(String... rest) {
        String[] base = {"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=" + temp.resolve("profile")};
        String[] all = new String[base.length + rest.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(rest, 0, all, base.length, rest.length);
        return all;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
