package dev.ztc.validate.format;

import dev.ztc.validate.LayerJudgement;
import dev.ztc.validate.RequestResult;
import dev.ztc.validate.ValidationCase;
import dev.ztc.validate.ValidationReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.List;

/**
 * JUnit XML: a suite for the samples and one for the boundary requests, a test case per request, a failure per
 * contradicting layer or unmet expectation; each layer's decision in the case's system-out. Built with the JDK's
 * DOM, so that every name and reason is escaped.
 */
final class JunitValidateReport {

    private JunitValidateReport() {
    }

    static String render(ValidationReport report) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = doc.createElement("testsuites");
            suites.setAttribute("name", "ztc validate");
            doc.appendChild(suites);
            int tests = 0;
            int failures = 0;
            for (ValidationCase.Origin origin : ValidationCase.Origin.values()) {
                List<RequestResult> results = report.results().stream().filter(r -> r.request().origin() == origin).toList();
                Element suite = doc.createElement("testsuite");
                suite.setAttribute("name", "ztc.validate." + origin.label());
                int suiteFailures = 0;
                for (RequestResult r : results) {
                    Element testcase = doc.createElement("testcase");
                    testcase.setAttribute("classname", "ztc.validate." + origin.label());
                    testcase.setAttribute("name", r.request().request().name());
                    if (r.failing()) {
                        suiteFailures++;
                        Element failure = doc.createElement("failure");
                        StringBuilder message = new StringBuilder();
                        r.expectation().ifPresent(e -> message.append(e).append('\n'));
                        r.contradictions().forEach(j -> message.append(j.explanation()).append('\n'));
                        failure.setAttribute("message", message.toString().strip().lines().findFirst().orElse(""));
                        failure.setAttribute("type", r.expectation().isPresent() ? "expectation" : "contradiction");
                        failure.setTextContent(message.toString());
                        testcase.appendChild(failure);
                    }
                    Element out = doc.createElement("system-out");
                    StringBuilder text = new StringBuilder("intent: " + (r.intent().allowed() ? "allow " + r.intent().grantedBy()
                            : "deny " + r.intent().reasonTexts()) + "\n");
                    for (LayerJudgement j : r.layers()) {
                        text.append(j.decision().layer().label()).append(": ").append(j.decision().verdict().label())
                                .append(" (").append(j.agreement().label()).append(") ").append(j.explanation()).append('\n');
                    }
                    out.setTextContent(text.toString());
                    testcase.appendChild(out);
                    suite.appendChild(testcase);
                }
                suite.setAttribute("tests", String.valueOf(results.size()));
                suite.setAttribute("failures", String.valueOf(suiteFailures));
                suite.setAttribute("errors", "0");
                suites.appendChild(suite);
                tests += results.size();
                failures += suiteFailures;
            }
            suites.setAttribute("tests", String.valueOf(tests));
            suites.setAttribute("failures", String.valueOf(failures));
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter text = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(text));
            return text + "\n";
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support is broken", e);
        }
    }
}
