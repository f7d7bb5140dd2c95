package tianping.law;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.ast.expr.DrlxExpression;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vets hand-written (and generated) DRL before anything is compiled: a rule may use only the project's vocabulary
 * ({@link RuleVocabulary}), so a rule directory or a log snapshot cannot run code of its own. Each rule is read with
 * Drools' own DRL parser; its constraints with the DRLX expression parser the executable model uses; its consequence
 * with JavaParser. Every construct outside the vocabulary is an error naming file, line and the construct.
 */
public final class RuleVetting {

    private static final Set<String> ATTRIBUTES = Set.of("agenda-group", "salience", "no-loop", "activation-group", "lock-on-active");

    private final String path;
    private final String[] lines;
    private final List<TableError> errors;
    private final RuleVocabulary vocabulary = RuleVocabulary.get();

    private RuleVetting(String path, String text, List<TableError> errors) {
        this.path = path;
        this.lines = text.split("\n", -1);
        this.errors = errors;
    }

    /** Every error in the rule set's DRL files (hand-written and generated), in file and line order. */
    public static List<TableError> check(RuleFiles files) {
        List<TableError> errors = new ArrayList<>();
        for (String path : files.paths("drl/", ".drl")) check(path, new String(files.get(path), StandardCharsets.UTF_8), errors);
        return errors;
    }

    static void check(String path, String text, List<TableError> errors) {
        RuleVetting v = new RuleVetting(path, text, errors);
        if (!v.rawText(text)) return;
        PackageDescr pkg;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            errors.add(new TableError(path, 0, "rule_compile_error", "规则文件无法解析：" + e.getMessage()));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError e : parser.getErrors()) {
                errors.add(new TableError(path, Math.max(0, e.getLines().length > 0 ? e.getLines()[0] : 0), "rule_compile_error", e.getMessage()));
            }
            if (pkg == null || parser.hasErrors()) return;
        }
        v.pkg(pkg);
    }

    /**
     * Refuses what could make the parsers and the compiler read different programs: Java decodes backslash-u
     * escapes before anything else, JavaParser does not; bidirectional and other format characters hide code
     * from a reader. UTF-8 DRL needs neither.
     */
    private boolean rawText(String text) {
        boolean ok = true;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                int type = Character.getType(c);
                String what = null;
                if (c == '\\' && k + 1 < line.length() && line.charAt(k + 1) == 'u') what = "Unicode 转义“\\u”";
                else if (type == Character.CONTROL && c != '\t' && c != '\r') what = String.format("控制字符 U+%04X", (int) c);
                else if (c == '\r' && k != line.length() - 1) what = "单独的回车符";
                else if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                        || type == Character.SURROGATE && !validSurrogate(line, k)) what = String.format("字符 U+%04X", (int) c);
                if (what != null) {
                    error(i + 1, "规则文件中不允许" + what + "（请直接写 UTF-8 字符）");
                    ok = false;
                    break;
                }
            }
        }
        return ok;
    }

    private static boolean validSurrogate(String s, int k) {
        char c = s.charAt(k);
        if (Character.isHighSurrogate(c)) return k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1));
        return k > 0 && Character.isHighSurrogate(s.charAt(k - 1));
    }

    private void pkg(PackageDescr pkg) {
        if (!"tianping.rules".equals(pkg.getName())) error(1, "程序包必须是 tianping.rules，而不是“" + pkg.getName() + "”");
        for (ImportDescr i : pkg.getImports()) {
            if (!vocabulary.importable(i.getTarget())) error(i.getLine(), "不允许导入“" + i.getTarget() + "”：只能导入 tianping.facts、tianping.decide 的类型和 java.util.List");
        }
        pkg.getFunctionImports().forEach(d -> error(d.getLine(), "不允许 import function “" + d.getTarget() + "”"));
        pkg.getAccumulateImports().forEach(d -> error(d.getLine(), "不允许 import accumulate “" + d.getTarget() + "”"));
        pkg.getFunctions().forEach(d -> error(d.getLine(), "不允许声明函数（function " + d.getName() + "）"));
        pkg.getTypeDeclarations().forEach(d -> error(d.getLine(), "不允许声明类型（declare " + d.getTypeName() + "）"));
        pkg.getEnumDeclarations().forEach(d -> error(d.getLine(), "不允许声明枚举（declare enum " + d.getTypeName() + "）"));
        pkg.getEntryPointDeclarations().forEach(d -> error(d.getLine(), "不允许声明入口点（entry-point）"));
        pkg.getWindowDeclarations().forEach(d -> error(d.getLine(), "不允许声明窗口（window）"));
        pkg.getAttributes().forEach(a -> error(a.getLine(), "不允许程序包级属性“" + a.getName() + "”"));
        if (pkg.getUnit() != null) error(pkg.getUnit().getLine(), "不允许 unit 声明");
        for (GlobalDescr g : pkg.getGlobals()) {
            if (!g.getIdentifier().equals("law") || !g.getType().equals("tianping.decide.Law")) {
                error(g.getLine(), "不允许全局变量“" + g.getType() + " " + g.getIdentifier() + "”：只有 global tianping.decide.Law law");
            }
        }
        for (RuleDescr rule : pkg.getRules()) rule(rule);
    }

    private void rule(RuleDescr rule) {
        String where = "规则“" + rule.getName() + "”";
        if (rule instanceof QueryDescr) {
            error(rule.getLine(), "不允许查询（query " + rule.getName() + "）");
            return;
        }
        String nameProblem = rule.getName().indexOf('"') >= 0 ? "含有英文双引号“\"”" : DrlText.problem(rule.getName());
        if (nameProblem != null) error(rule.getLine(), where + "的名称" + nameProblem + "：可执行模型会把规则名原样写入 Java 代码");
        if (rule.getParentName() != null) error(rule.getLine(), where + "不允许 extends");
        for (Map.Entry<String, AttributeDescr> a : rule.getAttributes().entrySet()) {
            String name = a.getKey();
            String value = a.getValue().getValue();
            if (name.equals("dialect") && "java".equals(value)) continue;
            if (!ATTRIBUTES.contains(name)) {
                error(a.getValue().getLine(), where + "不允许属性“" + name + "”");
            } else if (name.equals("salience") && !value.trim().matches("-?[0-9]{1,9}")) {
                error(a.getValue().getLine(), where + "的 salience 只能是整数，不能是表达式“" + value + "”");
            }
        }
        if (!rule.getNamedConsequences().isEmpty()) error(rule.getLine(), where + "不允许命名结论（then[…]）");
        Set<String> bound = new HashSet<>();
        lhs(rule.getLhs(), bound);
        consequence(rule, bound);
    }

    private void lhs(BaseDescr d, Set<String> bound) {
        if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr || d instanceof ForallDescr) {
            for (BaseDescr c : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) lhs(c, bound);
        } else if (d instanceof PatternDescr p) {
            pattern(p, bound);
        } else {
            error(d.getLine(), "条件中不允许“" + construct(d) + "”");
        }
    }

    private void pattern(PatternDescr p, Set<String> bound) {
        if (p.getIdentifier() != null) bound.add(p.getIdentifier());
        boolean collect = p.getSource() instanceof CollectDescr;
        if (!vocabulary.factType(p.getObjectType()) && !(collect && vocabulary.collection(p.getObjectType()))) {
            error(p.getLine(), "条件中不允许类型“" + p.getObjectType() + "”：只能匹配 tianping.facts、tianping.decide 的事实类型");
        }
        if (p.getSource() != null) {
            if (p.getSource() instanceof CollectDescr c) {
                pattern(c.getInputPattern(), bound);
            } else if (p.getSource() instanceof FromDescr f) {
                expression(f.getLine(), f.getDataSource().getText(), bound, false);
            } else {
                error(p.getLine(), "条件中不允许“" + construct(p.getSource()) + "”");
            }
        }
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                expression(e.getLine() > 0 ? e.getLine() : p.getLine(), e.getExpression(), bound, false);
            } else {
                error(c.getLine() > 0 ? c.getLine() : p.getLine(), "条件中不允许“" + construct(c) + "”");
            }
        }
    }

    private void expression(int line, String text, Set<String> bound, boolean consequence) {
        Expression expr;
        try {
            DrlxExpression drlx = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(List.of()), text);
            if (drlx.getBind() != null) bound.add(drlx.getBind().asString());
            expr = drlx.getExpr();
        } catch (RuntimeException e) {
            error(line, "条件“" + excerpt(text) + "”无法解析，或用了项目用语之外的写法");
            return;
        }
        // one constraint is one expression: its line is the constraint's
        new VocabularyCheck(vocabulary, bound, false, (node, what) -> error(line, what)).check(expr);
    }

    private void consequence(RuleDescr rule, Set<String> bound) {
        String text = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        // the parser gives the line of "then" and the text without its leading blank lines
        int then = rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : rule.getLine();
        while (then < lines.length && (lines[then - 1].trim().equals("then") || lines[then - 1].isBlank())) then++;
        int line = then;
        ParserConfiguration config = new ParserConfiguration().setPreprocessUnicodeEscapes(true)
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        ParseResult<BlockStmt> parsed = new JavaParser(config).parseBlock("{" + text + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            error(line, "规则“" + rule.getName() + "”的结论不是可检查的 Java 语句（modify、宏等项目用语之外的写法不允许）");
            return;
        }
        BlockStmt block = parsed.getResult().get();
        Set<String> locals = new HashSet<>(bound);
        block.findAll(VariableDeclarationExpr.class).forEach(v -> v.getVariables().forEach(d -> locals.add(d.getNameAsString())));
        new VocabularyCheck(vocabulary, locals, true, (node, what) -> error(line + lineOf(node) - 1, what)).check(block);
    }

    private static int lineOf(Node node) {
        return node.getBegin().map(p -> p.line).orElse(1);
    }

    private static String construct(Object d) {
        String name = d.getClass().getSimpleName().replace("Descr", "");
        return switch (name) {
            case "Eval" -> "eval";
            case "Accumulate" -> "accumulate";
            case "EntryPoint" -> "from entry-point";
            case "WindowReference" -> "window";
            case "ConditionalBranch", "NamedConsequence" -> "if/do 分支";
            default -> name;
        };
    }

    static String excerpt(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }

    private void error(int line, String message) {
        errors.add(new TableError(path, Math.max(line, 0), "rule_forbidden", message));
    }

    /** Used by the vocabulary check: a node and what is wrong with it. */
    interface Report {
        void refuse(Node node, String what);
    }

    static boolean isCall(Node n, String scope, String name) {
        return n instanceof MethodCallExpr m && m.getNameAsString().equals(name)
                && m.getScope().map(s -> VocabularyCheck.text(s).equals(scope)).orElse(scope == null);
    }

    static boolean isName(Node n, String name) {
        return n instanceof NameExpr e && e.getNameAsString().equals(name);
    }
}
