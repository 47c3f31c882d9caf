package dev.ztc.verify.format;

import dev.ztc.verify.CheckDeclaration;
import dev.ztc.verify.Coverage;
import dev.ztc.verify.Finding;
import dev.ztc.verify.ReportedFinding;
import dev.ztc.verify.Severity;
import dev.ztc.verify.VerifyReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * JUnit XML, which every CI system shows: a test suite per check, a test case per check × matrix rule (and one
 * for the project as a whole), a failure per finding of warning or above, a skipped case per suppressed one.
 * Notes go to the case's system-out. Built with the JDK's DOM, so that every message is escaped.
 */
final class JunitReport {

    static final String PROJECT = "(project)";

    private JunitReport() {
    }

    static String render(VerifyReport report) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = doc.createElement("testsuites");
            suites.setAttribute("name", "ztc " + report.command());
            doc.appendChild(suites);
            List<String> cases = new ArrayList<>();
            report.coverage().rows().stream().map(Coverage.Row::ruleId).forEach(cases::add);
            cases.add(PROJECT);
            int tests = 0;
            int failures = 0;
            int skipped = 0;
            for (CheckDeclaration check : report.checks()) {
                Element suite = doc.createElement("testsuite");
                suite.setAttribute("name", check.id() + " " + check.summary());
                int suiteFailures = 0;
                int suiteSkipped = 0;
                for (String ruleId : cases) {
                    Element testcase = doc.createElement("testcase");
                    testcase.setAttribute("classname", "ztc." + report.command().replace('-', '_') + "." + check.id());
                    testcase.setAttribute("name", ruleId);
                    boolean failed = false;
                    boolean suppressed = false;
                    StringBuilder notes = new StringBuilder();
                    for (ReportedFinding r : findingsOf(report, check, ruleId)) {
                        Finding f = r.finding();
                        String text = f.location() + ": " + f.message() + (f.artifact().isEmpty() ? "" : " [" + f.artifact() + "]");
                        if (r.suppressed()) {
                            suppressed = true;
                            notes.append("suppressed: ").append(text).append(" (").append(r.suppression().get().reason()).append(")\n");
                        } else if (f.severity() == Severity.INFO) {
                            notes.append("note: ").append(text).append('\n');
                        } else {
                            failed = true;
                            Element failure = doc.createElement("failure");
                            failure.setAttribute("type", f.severity().label());
                            failure.setAttribute("message", f.message());
                            failure.setTextContent(text);
                            testcase.appendChild(failure);
                        }
                    }
                    if (!failed && suppressed) {
                        Element skip = doc.createElement("skipped");
                        skip.setAttribute("message", "suppressed in ztc.yaml");
                        testcase.appendChild(skip);
                        suiteSkipped++;
                    }
                    if (notes.length() > 0) {
                        Element out = doc.createElement("system-out");
                        out.setTextContent(notes.toString());
                        testcase.appendChild(out);
                    }
                    suiteFailures += failed ? 1 : 0;
                    suite.appendChild(testcase);
                }
                suite.setAttribute("tests", Integer.toString(cases.size()));
                suite.setAttribute("failures", Integer.toString(suiteFailures));
                suite.setAttribute("skipped", Integer.toString(suiteSkipped));
                suite.setAttribute("errors", "0");
                suites.appendChild(suite);
                tests += cases.size();
                failures += suiteFailures;
                skipped += suiteSkipped;
            }
            suites.setAttribute("tests", Integer.toString(tests));
            suites.setAttribute("failures", Integer.toString(failures));
            suites.setAttribute("skipped", Integer.toString(skipped));
            suites.setAttribute("errors", "0");
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter text = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(text));
            return text.toString().replace("\r\n", "\n").strip() + "\n";
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed", e);
        }
    }

    private static List<ReportedFinding> findingsOf(VerifyReport report, CheckDeclaration check, String ruleId) {
        return report.findings().stream().filter(r -> r.finding().checkId().equals(check.id()))
                .filter(r -> ruleId.equals(PROJECT) ? r.finding().ruleIds().isEmpty() : r.finding().ruleIds().contains(ruleId))
                .toList();
    }
}
