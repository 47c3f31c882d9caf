package dev.ztc.emit;

import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

/**
 * The Freemarker set-up every emitter renders through: built-in templates from the jar
 * ({@code ztc/templates/}), each overridable by a file of the same name in the user's {@code --templates}
 * directory. The output format follows from the file name ({@code .tf.ftl} HCL, {@code .json.ftl} JSON,
 * {@code .md.ftl} Markdown, {@code .html.ftl} HTML) and auto-escapes every {@code [=value]}; a template of any other kind is refused,
 * so nothing is ever printed unescaped by accident. Locale, time zone and number format are fixed, so
 * the output does not depend on the machine.
 */
public final class Templates {

    static final String BUILT_IN = "ztc/templates";
    private static final Version VERSION = Configuration.VERSION_2_3_34;
    private static final Set<OutputFormat> ESCAPING = Set.of(HclOutputFormat.INSTANCE, JsonOutputFormat.INSTANCE,
            MarkdownOutputFormat.INSTANCE, HTMLOutputFormat.INSTANCE);

    private final Configuration config;
    private final Optional<Path> userDir;

    private Templates(Configuration config, Optional<Path> userDir) {
        this.config = config;
        this.userDir = userDir;
    }

    /** Built-in templates only. */
    public static Templates builtIn() {
        try {
            return of(Optional.empty());
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code userDir} first, then the built-ins; a user directory that is not a directory is an input error. */
    public static Templates of(Optional<Path> userDir) throws InputException {
        TemplateLoader builtIn = new ClassTemplateLoader(Templates.class.getClassLoader(), BUILT_IN);
        TemplateLoader loader = builtIn;
        if (userDir.isPresent()) {
            Path dir = userDir.get();
            if (!Files.isDirectory(dir)) {
                throw InputException.of(SourceLocation.of(dir.toString()), ErrorCode.TEMPLATE,
                        "--templates " + dir + " is not a directory");
            }
            try {
                // FileTemplateLoader refuses files that resolve (through links) outside the directory
                loader = new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(dir.toFile()), builtIn});
            } catch (IOException e) {
                throw InputException.of(SourceLocation.of(dir.toString()), ErrorCode.TEMPLATE,
                        "--templates " + dir + " cannot be read: " + e.getMessage());
            }
        }
        return new Templates(configuration(loader), userDir);
    }

    private static Configuration configuration(TemplateLoader loader) {
        Configuration c = new Configuration(VERSION);
        c.setTemplateLoader(loader);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        // [=x] and [#list]: "${" and "<" stay free for HCL, and a template reads like the Terraform it prints
        c.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        c.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        // HTML is one of Freemarker's standard formats, registered already
        c.setRegisteredCustomOutputFormats(List.of(HclOutputFormat.INSTANCE, JsonOutputFormat.INSTANCE, MarkdownOutputFormat.INSTANCE));
        c.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                formatFor("*.tf.ftl", HclOutputFormat.INSTANCE),
                formatFor("*.json.ftl", JsonOutputFormat.INSTANCE),
                formatFor("*.md.ftl", MarkdownOutputFormat.INSTANCE),
                formatFor("*.html.ftl", HTMLOutputFormat.INSTANCE)).allowNoMatch(true));
        c.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        c.setRecognizeStandardFileExtensions(false);
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        // a user template may loop and print; it may not instantiate classes or reach the Java API
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(VERSION);
        wrapper.setExposeFields(false);
        c.setObjectWrapper(wrapper.build());
        return c;
    }

    private static ConditionalTemplateConfigurationFactory formatFor(String glob, OutputFormat format) {
        TemplateConfiguration tc = new TemplateConfiguration();
        tc.setOutputFormat(format);
        return new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(glob), tc);
    }

    /**
     * A file printed as it is (the Rego policy, PEP configuration): no values go into it, so it needs no
     * escaping; the user's directory still overrides it by name. "\n" line ends.
     */
    public String verbatim(String name) throws InputException {
        if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
            throw new IllegalArgumentException("template names are relative and never contain '..': " + name);
        }
        try {
            Object source = config.getTemplateLoader().findTemplateSource(name);
            if (source == null) {
                throw problem(name, "template " + name + " not found in --templates or the built-ins");
            }
            try (java.io.Reader reader = config.getTemplateLoader().getReader(source, "UTF-8")) {
                StringWriter out = new StringWriter();
                reader.transferTo(out);
                return out.toString().replace("\r\n", "\n");
            } finally {
                config.getTemplateLoader().closeTemplateSource(source);
            }
        } catch (IOException e) {
            throw problem(name, "template " + name + " cannot be read: " + e.getMessage());
        }
    }

    /** Renders template {@code name} (relative, "/"-separated, no "..") with {@code model}; "\n" line ends. */
    public String render(String name, Object model) throws InputException {
        if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
            throw new IllegalArgumentException("template names are relative and never contain '..': " + name);
        }
        try {
            Template template = config.getTemplate(name, Locale.ROOT);
            if (!ESCAPING.contains(template.getOutputFormat())) {
                throw problem(name, "template " + name + " has no escaping output format; name it *.tf.ftl, *.json.ftl, *.md.ftl or *.html.ftl");
            }
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString().replace("\r\n", "\n");
        } catch (TemplateException e) {
            throw problem(e.getTemplateSourceName() == null ? name : e.getTemplateSourceName(),
                    e.getLineNumber() == null ? 1 : e.getLineNumber(), e.getColumnNumber() == null ? 1 : e.getColumnNumber(),
                    "template fails to render: " + firstLine(e.getMessageWithoutStackTop()));
        } catch (freemarker.core.ParseException e) {
            throw problem(e.getTemplateName() == null ? name : e.getTemplateName(), e.getLineNumber(),
                    e.getColumnNumber(), "template is malformed: " + firstLine(e.getEditorMessage()));
        } catch (IOException e) {
            throw problem(name, "template " + name + " cannot be read: " + e.getMessage());
        }
    }

    private InputException problem(String templateName, String message) {
        return problem(templateName, 1, 1, message);
    }

    /** A broken user template is the user's input error; a broken built-in one is a bug in ztc. */
    private InputException problem(String templateName, int line, int column, String message) {
        Optional<Path> file = userDir.map(d -> d.resolve(templateName)).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            throw new IllegalStateException("built-in template " + templateName + ":" + line + ":" + column + ": " + message);
        }
        return InputException.of(new SourceLocation(file.get().toString(), line, column), ErrorCode.TEMPLATE, message);
    }

    private static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
