package tianping.law;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

import java.util.Set;

/**
 * Walks one parsed constraint or consequence and refuses every node that is not the project's vocabulary:
 * deny by default, so a construct this class does not know (a lambda, {@code new}, a cast, a loop, a method
 * reference) is refused rather than let through. What is allowed is in {@link RuleVocabulary}.
 */
final class VocabularyCheck {

    private final RuleVocabulary vocabulary;
    private final Set<String> names;
    private final boolean consequence;
    private final RuleVetting.Report report;

    VocabularyCheck(RuleVocabulary vocabulary, Set<String> names, boolean consequence, RuleVetting.Report report) {
        this.vocabulary = vocabulary;
        this.names = names;
        this.consequence = consequence;
        this.report = report;
    }

    void check(Node node) {
        if (node instanceof BlockStmt b) {
            b.getStatements().forEach(this::check);
        } else if (node instanceof ExpressionStmt s) {
            check(s.getExpression());
        } else if (node instanceof EmptyStmt) {
            return;
        } else if (node instanceof IfStmt s && consequence) {
            check(s.getCondition());
            check(s.getThenStmt());
            s.getElseStmt().ifPresent(this::check);
        } else if (node instanceof VariableDeclarationExpr v && consequence) {
            for (VariableDeclarator d : v.getVariables()) {
                if (!vocabulary.localType(d.getType().asString())) refuse(d, "局部变量类型“" + d.getType().asString() + "”");
                d.getInitializer().ifPresent(this::check);
            }
        } else if (node instanceof AssignExpr a && consequence) {
            if (!(a.getTarget() instanceof NameExpr n) || !names.contains(n.getNameAsString()) || n.getNameAsString().startsWith("$")) {
                refuse(a, "赋值给“" + text(a.getTarget()) + "”");
            }
            check(a.getValue());
        } else if (node instanceof LiteralExpr) {
            return;
        } else if (node instanceof ThisExpr && !consequence) {
            return;
        } else if (node instanceof EnclosedExpr e) {
            check(e.getInner());
        } else if (node instanceof BinaryExpr b) {
            check(b.getLeft());
            check(b.getRight());
        } else if (node instanceof HalfBinaryExpr h && !consequence) {
            check(h.getRight());
        } else if (node instanceof UnaryExpr u) {
            if (u.getOperator().isPostfix() || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                    || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT) {
                if (!consequence || !(u.getExpression() instanceof NameExpr n) || !names.contains(n.getNameAsString())) refuse(u, "“" + text(u) + "”");
            }
            check(u.getExpression());
        } else if (node instanceof ConditionalExpr c) {
            check(c.getCondition());
            check(c.getThenExpr());
            check(c.getElseExpr());
        } else if (node instanceof PointFreeExpr p && !consequence) {
            // in, and Drools' read-only string tests str[startsWith|endsWith|length]
            String op = p.getOperator().asString();
            if (!op.equals("in") && !op.matches("str\\[(startsWith|endsWith|length)\\]")) refuse(p, "运算符“" + p.getOperator() + "”");
            check(p.getLeft());
            p.getRight().forEach(this::check);
        } else if (node instanceof NameExpr n) {
            name(n);
        } else if (node instanceof FieldAccessExpr f) {
            if (!vocabulary.property(f.getNameAsString())) refuse(f, "“" + text(f) + "”");
            check(f.getScope());
        } else if (node instanceof NullSafeFieldAccessExpr f && !consequence) {
            if (!vocabulary.property(f.getNameAsString())) refuse(f, "“" + text(f) + "”");
            check(f.getScope());
        } else if (node instanceof MethodCallExpr m) {
            call(m);
        } else {
            refuse(node, describe(node));
        }
    }

    private void name(NameExpr n) {
        String name = n.getNameAsString();
        if (names.contains(name) || name.equals("law")) return;
        if (!consequence && vocabulary.property(name)) return;
        refuse(n, name.equals("kcontext") || name.equals("drools")
                ? "直接使用“" + name + "”（只能作为 Decisions.propose 等的第一个参数）"
                : "名称“" + name + "”");
    }

    private void call(MethodCallExpr m) {
        String name = m.getNameAsString();
        if (m.getScope().isEmpty()) {
            if (consequence) {
                if (!name.equals("insert") || m.getArguments().size() != 1
                        || !(m.getArguments().get(0) instanceof MethodCallExpr arg && arg.getScope().map(s -> RuleVetting.isName(s, "law")).orElse(false))) {
                    refuse(m, "调用“" + name + "(…)”（结论中只能 insert(law.…(…))）");
                    return;
                }
            } else if (!vocabulary.method(name)) {
                refuse(m, "调用“" + name + "(…)”");
                return;
            }
            m.getArguments().forEach(this::check);
            return;
        }
        Expression scope = m.getScope().get();
        String staticClass = text(scope);
        if (vocabulary.staticClass(staticClass) && !names.contains(staticClass)) {
            if (!vocabulary.staticMethod(staticClass, name)) {
                refuse(m, "静态调用“" + staticClass + "." + name + "(…)”");
                return;
            }
            var args = m.getArguments();
            int from = 0;
            if (vocabulary.takesContext(staticClass, name)) {
                if (!consequence || args.isEmpty() || !RuleVetting.isName(args.get(0), "kcontext")) {
                    refuse(m, "“" + staticClass + "." + name + "(…)”（第一个参数必须是 kcontext，且只能在结论中）");
                    return;
                }
                from = 1;
            }
            for (int i = from; i < args.size(); i++) check(args.get(i));
            return;
        }
        if (scope instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0)) && !names.contains(n.getNameAsString())) {
            refuse(m, "静态调用“" + staticClass + "." + name + "(…)”");
            return;
        }
        if (scope instanceof FieldAccessExpr && !names.contains(staticClass)) {
            refuse(m, "调用“" + staticClass + "." + name + "(…)”");
            return;
        }
        if (!vocabulary.method(name)) {
            refuse(m, "调用“" + RuleVetting.excerpt(staticClass) + "." + name + "(…)”");
            return;
        }
        check(scope);
        m.getArguments().forEach(this::check);
    }

    /** Drools' printer: the DRLX nodes cannot be printed by JavaParser's own. */
    static String text(Node node) {
        return org.drools.mvel.parser.printer.PrintUtil.printNode(node);
    }

    private void refuse(Node node, String what) {
        report.refuse(node, (consequence ? "结论" : "条件") + "中不允许" + what + "：不在项目用语中（见 tianping vocabulary 与 README“安全”）");
    }

    private static String describe(Node node) {
        String kind = node.getClass().getSimpleName();
        String what = switch (kind) {
            case "ObjectCreationExpr" -> "new";
            case "ArrayCreationExpr", "ArrayInitializerExpr" -> "数组创建";
            case "LambdaExpr" -> "lambda 表达式";
            case "MethodReferenceExpr" -> "方法引用";
            case "CastExpr", "InlineCastExpr", "FullyQualifiedInlineCastExpr" -> "类型转换";
            case "ClassExpr" -> "类字面量（.class）";
            case "ForStmt", "ForEachStmt", "WhileStmt", "DoStmt" -> "循环";
            case "TryStmt", "ThrowStmt" -> "try/throw";
            case "ReturnStmt" -> "return";
            case "SwitchStmt", "SwitchExpr" -> "switch";
            case "SynchronizedStmt" -> "synchronized";
            case "LocalClassDeclarationStmt", "LocalRecordDeclarationStmt" -> "局部类";
            case "OOPathExpr" -> "OOPath";
            case "ModifyStatement", "WithStatement" -> "modify/with";
            default -> kind;
        };
        String text = node instanceof Statement ? "" : "“" + RuleVetting.excerpt(text(node)) + "”";
        return what + text;
    }
}
