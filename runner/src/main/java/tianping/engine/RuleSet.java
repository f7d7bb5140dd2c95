package tianping.engine;

import org.drools.model.codegen.ExecutableModelProject;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import tianping.decide.Law;
import tianping.decide.Precedence;
import tianping.decide.RuleInfo;
import tianping.law.GeneratorInput;
import tianping.law.LawBook;
import tianping.law.RuleFiles;
import tianping.law.RuleGenerator;
import tianping.law.RuleSetException;
import tianping.law.RuleVetting;
import tianping.law.TableText;
import tianping.law.TableError;
import tianping.trust.RuleSetSignature;
import tianping.trust.TrustedKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loaded rule set: its files and fingerprint, its tables ({@link Law}), the compiled knowledge base and every
 * rule's metadata. A rule set that is not the bundled one is vetted before it is compiled ({@link TableText},
 * {@link RuleVetting}): only the project's vocabulary may run. Loading checks everything it can before any case is
 * decided: table errors, compile errors,
 * missing metadata, unknown parameters, precedence that names no rule, and unresolved conflicts between rules.
 */
public final class RuleSet {

    /** Written by the kie-maven-plugin for the rules kjar (groupId tianping, artifactId rules). */
    private static final String MODEL_LISTING = "META-INF/kie/tianping/rules/drools-model";
    private static final Pattern PARAMETER = Pattern.compile("law\\.(?:number|integer)\\(\\s*\"([^\"]+)\"");
    private static final String KMODULE = "<kmodule xmlns=\"http://www.drools.org/xsd/kmodule\">"
            + "<kbase name=\"tianping\" default=\"true\"><ksession name=\"decide\" default=\"true\"/></kbase></kmodule>";

    private final RuleFiles files;
    private final String fingerprint;
    private final KieBase kieBase;
    private final Law law;
    private final Map<String, RuleMeta> byName;
    private final Map<String, RuleMeta> byId;
    private final java.util.NavigableSet<java.time.LocalDate> changeDates;
    private final byte[] signature;
    /** The regions of each rule grading warnings (empty: every region), found once rather than per finding. */
    private final List<List<String>> warningRegions;

    private RuleSet(RuleFiles files, KieBase kieBase, LawBook book, byte[] signature) throws RuleSetException {
        this.files = files;
        this.signature = signature;
        this.fingerprint = files.fingerprint(EngineVersion.FULL);
        this.kieBase = kieBase;
        List<TableError> errors = new ArrayList<>();
        Map<String, RuleMeta> names = new HashMap<>();
        Map<String, RuleMeta> ids = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleMeta meta = RuleMeta.of(rule, book.outcomeKinds(), errors);
                names.put(rule.getName(), meta);
                if (!meta.id().isEmpty() && ids.put(meta.id(), meta) != null) {
                    errors.add(new TableError(meta.id(), 0, "rule_metadata_error", "规则编号 " + meta.id() + " 重复"));
                }
            }
        }
        this.byName = Map.copyOf(names);
        this.byId = Map.copyOf(ids);
        checkReferences(errors);
        checkParameters(book, errors);
        List<RuleInfo> infos = ids.values().stream().map(RuleMeta::info).sorted(Comparator.comparing(RuleInfo::id)).toList();
        Precedence precedence = new Precedence(infos);
        errors.addAll(precedence.check());
        if (!errors.isEmpty()) throw new RuleSetException(errors);
        this.law = new Law(book, precedence);
        this.warningRegions = precedence.rules().stream().filter(r -> book.outcomeKinds().isWarning(r.concludes()))
                .map(RuleInfo::regions).toList();
        java.util.TreeSet<java.time.LocalDate> dates = new java.util.TreeSet<>(book.changeDates());
        for (RuleMeta m : byId.values()) {
            if (m.validity() == null) continue;
            if (!m.validity().from().equals(java.time.LocalDate.MIN)) dates.add(m.validity().from());
            if (m.validity().to() != null) dates.add(m.validity().to().plusDays(1));
        }
        this.changeDates = java.util.Collections.unmodifiableNavigableSet(dates);
    }

    /** The rule set built into tianping: compiled to Drools' executable model at build time. */
    public static RuleSet bundled() throws RuleSetException {
        RuleFiles files = RuleFiles.fromClasspath(RuleSet.class.getClassLoader());
        LawBook book = LawBook.read(files);
        var regenerated = RuleGenerator.generate(book);
        for (var e : regenerated.entrySet()) {
            byte[] bundled = files.get(e.getKey());
            if (bundled == null || !new String(bundled, StandardCharsets.UTF_8).equals(e.getValue())) {
                throw new RuleSetException(List.of(new TableError(e.getKey(), 0, "ruleset_integrity_error",
                        "内置规则集中的生成规则与其表格不一致（规则集已被改动或由其他版本构建），请重新构建")));
            }
        }
        return new RuleSet(files, precompiledKieBase(), book, null);
    }

    /**
     * The bundled knowledge base, built straight from the executable model the build generated (listed in the
     * kjar's drools-model file) — half the start-up time of going through a classpath KieContainer, which scans
     * every jar for kmodule.xml.
     */
    private static KieBase precompiledKieBase() {
        ClassLoader loader = RuleSet.class.getClassLoader();
        List<Model> models = new ArrayList<>();
        try (var in = loader.getResourceAsStream(MODEL_LISTING)) {
            if (in == null) throw new IllegalStateException("类路径中缺少 " + MODEL_LISTING + "：规则模块未以可执行模型构建");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("Drools-Model-Version")) continue;
                models.add((Model) Class.forName(line.trim(), true, loader).getConstructor().newInstance());
            }
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("无法加载内置规则集的可执行模型：" + e, e);
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    /** A rules directory laid out like rules/ (tables/, drl/): its rules are generated from the tables and compiled now. */
    public static RuleSet fromDirectory(Path dir) throws RuleSetException, IOException {
        return fromDirectory(dir, TrustedKeys.NONE);
    }

    /**
     * A rules directory, which, if {@code trust} names keys, must carry a signature ({@code rules.sig}) by one of
     * them. The files are read once; the signature is checked against those bytes before a table is parsed, and
     * the fingerprint of exactly what is compiled (those bytes and the rules generated from them) before anything
     * is vetted or compiled.
     */
    public static RuleSet fromDirectory(Path dir, TrustedKeys trust) throws RuleSetException, IOException {
        RuleFiles sources = RuleFiles.fromDirectory(dir);
        Path sigFile = dir.resolve(RuleSetSignature.FILE);
        byte[] signature = trust.required() ? RuleSetSignature.read(sigFile) : RuleSetSignature.carried(sigFile);
        RuleSetSignature verified = trust.required() ? RuleSetSignature.verify(signature, sigFile.toString(), sources, trust) : null;
        refuseIfAny(TableText.check(sources));
        LawBook book = LawBook.read(sources);
        refuseIfAny(GeneratorInput.check(book, sources));
        RuleFiles all = sources.withGenerated(RuleGenerator.generate(book));
        if (verified != null) verified.requireFingerprint(all.fingerprint(EngineVersion.FULL), EngineVersion.FULL);
        return compile(all, signature);
    }

    private static void refuseIfAny(List<TableError> errors) throws RuleSetException {
        if (!errors.isEmpty()) throw new RuleSetException(errors);
    }

    /**
     * Compiles exactly these rule files — tables, hand-written and generated DRL — to an executable-model knowledge
     * base. A snapshot is loaded this way, so it runs the rules it archived even if the generator has changed since.
     */
    public static RuleSet compile(RuleFiles files) throws RuleSetException {
        return compile(files, null);
    }

    /** As {@link #compile(RuleFiles)}, keeping the rule set's signature file (unverified here) for its snapshot. */
    public static RuleSet compile(RuleFiles files, byte[] signature) throws RuleSetException {
        // nothing that is not the bundled rule set reaches the compiler before it is vetted
        refuseIfAny(TableText.check(files));
        refuseIfAny(RuleVetting.check(files));
        LawBook book = LawBook.read(files);
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("tianping", "ruleset-" + files.fingerprint(EngineVersion.FULL).substring(7, 23), "1");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(KMODULE);
        for (String path : files.paths("drl/", ".drl")) {
            kfs.write("src/main/resources/tianping/" + path, files.get(path));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<TableError> errors = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : m.getPath().replace("src/main/resources/", "").replaceFirst("^tianping/", "");
            errors.add(new TableError(path, m.getLine(), "rule_compile_error", m.getText().trim()));
        }
        if (!errors.isEmpty()) throw new RuleSetException(errors);
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase("tianping");
        return new RuleSet(files, kieBase, book, signature);
    }

    private void checkReferences(List<TableError> errors) {
        for (RuleMeta m : byId.values()) {
            List<String> patterns = new ArrayList<>(m.info().overrides());
            patterns.addAll(m.info().yieldsTo());
            for (String p : patterns) {
                boolean any = p.equals("*") || byId.keySet().stream().anyMatch(id -> !id.equals(m.id())
                        && (p.endsWith("*") ? id.startsWith(p.substring(0, p.length() - 1)) : id.equals(p)));
                if (!any) {
                    errors.add(new TableError(m.id(), 0, "rule_reference_error", "规则 " + m.id() + " 的优先关系“" + p + "”没有对应的规则"));
                }
            }
        }
    }

    private void checkParameters(LawBook book, List<TableError> errors) {
        for (String path : files.paths("drl/", ".drl")) {
            Matcher matcher = PARAMETER.matcher(files.text(path));
            while (matcher.find()) {
                if (!book.parameterNames().contains(matcher.group(1))) {
                    errors.add(new TableError(path, 0, "unknown_reference", "规则引用的参数“" + matcher.group(1) + "”不在 tables/parameters.csv 中"));
                }
            }
        }
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public Law law() {
        return law;
    }

    public RuleFiles files() {
        return files;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The bytes of the rule set's {@code rules.sig}, if its directory or snapshot had one; null otherwise. */
    public byte[] signature() {
        return signature == null ? null : signature.clone();
    }

    public String origin() {
        return files.origin();
    }

    /** Metadata of a rule by its Drools name (what match events carry). */
    public RuleMeta byName(String name) {
        return byName.get(name);
    }

    /** The ids of every rule, generated and hand-written. */
    public java.util.Set<String> ruleIds() {
        return byId.keySet();
    }

    public RuleMeta byId(String id) {
        return byId.get(id);
    }

    /** Whether any rule grading warnings applies in the finding's region. */
    public boolean gradesWarnings(tianping.facts.Finding f) {
        return warningRegions.stream().anyMatch(regions -> regions.isEmpty() || regions.stream().anyMatch(f::inRegion));
    }

    /** Did any rule or table row of this rule set come into or go out of force after {@code from}, up to {@code to}? */
    public boolean lawChangedBetween(java.time.LocalDate from, java.time.LocalDate to) {
        var next = changeDates.higher(from);
        return next != null && !next.isAfter(to);
    }

    public int ruleCount() {
        return byId.size();
    }
}
