package dev.ztc.load;

import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import dev.ztc.model.Catalog;
import dev.ztc.model.Inventory;
import dev.ztc.model.Matrix;
import dev.ztc.model.Project;
import dev.ztc.model.Request;
import dev.ztc.model.Settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage "load": finds the input files of a project directory, parses each in its format and binds it to
 * the model. Every problem of every file is collected before the stage fails.
 */
public final class ProjectLoader {

    /** Largest input file read; a bigger one is refused rather than slowly parsed. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final String BUILT_IN_CATALOG = "/ztc/catalog.yaml";

    private ProjectLoader() {
    }

    public static Project load(Path directory) throws InputException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Project> project = load(directory, diagnostics);
        diagnostics.throwIfErrors();
        return project.orElseThrow();
    }

    /**
     * Loads what can be loaded, reporting into {@code diagnostics}: elements with a bad field are kept
     * without it, so that the checks after this stage still run and the user sees every problem at once.
     * Empty when a required file is missing or does not parse at all.
     */
    public static Optional<Project> load(Path directory, Diagnostics diagnostics) {
        if (!Files.isDirectory(directory)) {
            diagnostics.error(SourceLocation.of(directory.toString()), ErrorCode.MISSING_FILE,
                    "project directory does not exist");
            return Optional.empty();
        }
        Optional<Inventory> inventory = input(directory, "inventory", List.of("yaml", "yml", "json", "hcl"), true, diagnostics)
                .flatMap(doc -> new InventoryBinder(diagnostics).bind(doc.root()));
        Optional<Matrix> matrix = input(directory, "matrix", List.of("yaml", "yml", "json", "hcl", "csv"), true, diagnostics)
                .flatMap(doc -> new MatrixBinder(diagnostics).bind(doc.root(), !doc.file().endsWith(".csv")));
        List<Request> requests = input(directory, "requests", List.of("yaml", "yml", "json", "hcl"), false, diagnostics)
                .flatMap(doc -> new RequestsBinder(diagnostics).bind(doc.root())).orElse(List.of());
        Settings settings = input(directory, "ztc", List.of("yaml", "yml", "json", "hcl"), false, diagnostics)
                .flatMap(doc -> new SettingsBinder(diagnostics).bind(doc.root()))
                .orElse(Settings.defaults(SourceLocation.of(directory.resolve("ztc.yaml").toString())));
        Catalog builtIn = builtInCatalog();
        Catalog catalog = input(directory, "catalog", List.of("yaml", "yml", "json", "hcl"), false, diagnostics)
                .flatMap(doc -> new CatalogBinder(diagnostics).bind(doc.root()))
                .map(user -> merge(builtIn, user)).orElse(builtIn);
        if (inventory.isEmpty() || matrix.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Project(directory, inventory.get(), matrix.get(), requests, settings, catalog));
    }

    /** The catalog shipped in the jar; a broken one is a bug in ztc, not in the user's input. */
    public static Catalog builtInCatalog() {
        try (InputStream in = ProjectLoader.class.getResourceAsStream(BUILT_IN_CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("built-in catalog " + BUILT_IN_CATALOG + " is missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Diagnostics diagnostics = new Diagnostics();
            Optional<Catalog> catalog = new CatalogBinder(diagnostics)
                    .bind(DocumentReader.read("builtin:catalog.yaml", text, DocumentReader.Syntax.YAML));
            if (diagnostics.hasErrors() || catalog.isEmpty()) {
                throw new IllegalStateException("built-in catalog is invalid: " + diagnostics.sorted());
            }
            return catalog.get();
        } catch (IOException | InputException e) {
            throw new IllegalStateException("built-in catalog cannot be read", e);
        }
    }

    /** A project's catalog adds kinds and replaces, level by level, the meaning of kinds ztc ships. */
    static Catalog merge(Catalog builtIn, Catalog user) {
        var kinds = new java.util.TreeMap<>(builtIn.kinds());
        user.kinds().forEach((name, kind) -> kinds.merge(name, kind, (old, mine) -> {
            var levels = new java.util.EnumMap<>(old.levels());
            levels.putAll(mine.levels());
            var requires = mine.requires().isEmpty() ? old.requires() : mine.requires();
            return new Catalog.AssetKind(name, requires, levels);
        }));
        return new Catalog(kinds);
    }

    /** A parsed input file: its name as shown in messages and its tree. */
    record Document(String file, Node root) {
    }

    private static Optional<Document> input(Path directory, String base, List<String> extensions, boolean required,
                                            Diagnostics diagnostics) {
        List<Path> present = new ArrayList<>();
        for (String ext : extensions) {
            Path candidate = directory.resolve(base + "." + ext);
            if (Files.isRegularFile(candidate)) {
                present.add(candidate);
            }
        }
        if (present.isEmpty()) {
            if (required) {
                diagnostics.error(SourceLocation.of(directory.resolve(base + ".yaml").toString()), ErrorCode.MISSING_FILE,
                        "the project has no " + base + " file (" + String.join(", ",
                                extensions.stream().map(ext -> base + "." + ext).toList()) + ")");
            }
            return Optional.empty();
        }
        if (present.size() > 1) {
            diagnostics.error(SourceLocation.of(present.get(1).toString()), ErrorCode.MISSING_FILE,
                    "two " + base + " files: " + present.get(0).getFileName() + " and " + present.get(1).getFileName()
                            + "; keep one");
            return Optional.empty();
        }
        Path path = present.get(0);
        String file = path.toString();
        try {
            String text = readText(path);
            return Optional.of(new Document(file, parse(file, text)));
        } catch (InputException e) {
            e.diagnostics().forEach(d -> diagnostics.error(d.location(), d.code(), d.message()));
        } catch (IOException e) {
            diagnostics.error(SourceLocation.of(file), ErrorCode.MISSING_FILE, "cannot read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Parses one input text by its file extension into a located tree. */
    public static Node parse(String file, String text) throws InputException {
        if (file.endsWith(".json")) {
            return DocumentReader.read(file, text, DocumentReader.Syntax.JSON);
        }
        if (file.endsWith(".hcl")) {
            return HclReader.read(file, text);
        }
        if (file.endsWith(".csv")) {
            return CsvMatrixReader.read(file, text);
        }
        return DocumentReader.read(file, text, DocumentReader.Syntax.YAML);
    }

    private static String readText(Path path) throws IOException, InputException {
        if (Files.size(path) > MAX_FILE_BYTES) {
            throw InputException.of(SourceLocation.of(path.toString()), ErrorCode.SYNTAX,
                    "file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
        }
        byte[] bytes = Files.readAllBytes(path);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw InputException.of(SourceLocation.of(path.toString()), ErrorCode.SYNTAX, "file is not valid UTF-8");
        }
    }
}
