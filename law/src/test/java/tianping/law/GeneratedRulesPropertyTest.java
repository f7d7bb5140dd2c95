package tianping.law;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: whatever text legal staff put in any cell of the tables rules are generated from, the generated DRL has
 * the structure the table means — one rule per row, named and annotated with exactly the row's text (straight quotes
 * as Chinese quotes), one {@code Finding} pattern with one constraint per condition, one {@code Decisions.propose}
 * whose message is exactly the row's text — and passes vetting; or the tables are refused with errors located in a
 * file. Values are built from pieces an attacker would use (quotes, backslashes, line breaks, {@code then}, {@code end},
 * comment markers, unicode escapes, format characters) mixed with random code points; seeded, so a failure repeats.
 */
class GeneratedRulesPropertyTest {

    private static final List<String> TABLES = List.of("tables/no-penalty-items.csv", "tables/penalty-provisions.csv",
            "tables/lists.csv", "tables/no-penalty-kinds.csv");
    private static final List<String> PIECES = List.of("\"", "\\", "\r", "\n", "\r\n", "then", "end", "\"+(System.exit(0))+\"",
            "*/", "/*", "//", "$", "\\u0022", "\\\\u0022", "rule \"x\"", "when", ",", "；", ")", "(", "{", "}", "'", "#", "\u2028",
            "\u202E", "\u0000", "\t", "\uD800", "😀", "（\"首违\"）", "罚款", " ", "@id(\"X\")", "\"); System.exit(0); //", "${x}", "%s");
    /** About a minute on a loaded 2-core machine; raise with -Dtianping.fuzz.runs=N for a longer search. */
    private static final int RUNS = Integer.getInteger("tianping.fuzz.runs", 1000);

    @Test
    void everyCellValueIsALiteralOrTheTableIsRefused() throws Exception {
        RuleFiles base = RuleFiles.fromDirectory(BundledTables.RULES);
        Random random = new Random(20261201L);
        int accepted = 0, refused = 0, reached = 0;
        for (int run = 0; run < RUNS; run++) {
            String table = TABLES.get(random.nextInt(TABLES.size()));
            String value = value(random);
            RuleFiles mutated = replaceCell(base, table, random, value);
            List<TableError> textErrors = TableText.check(mutated);
            if (!textErrors.isEmpty()) {
                for (TableError e : textErrors) assertTrue(e.file().equals(table) && e.line() > 0, "未定位的拒绝：" + e);
                refused++;
                continue;
            }
            LawBook book;
            try {
                book = LawBook.read(mutated);
            } catch (RuleSetException e) {
                for (TableError err : e.errors()) assertFalse(err.file().isEmpty(), "未定位的拒绝：" + err);
                refused++;
                continue;
            }
            List<TableError> inputErrors = GeneratorInput.check(book, mutated);
            if (!inputErrors.isEmpty()) {
                for (TableError e : inputErrors) assertTrue(e.file().equals(table) && e.line() > 0, "未定位的拒绝：" + e);
                refused++;
                continue;
            }
            SortedMap<String, String> generated = RuleGenerator.generate(book);
            assertSameStructure(book, generated, show(value));
            assertEquals(List.of(), RuleVetting.check(mutated.withGenerated(generated)), show(value));
            if (generated.values().stream().anyMatch(drl -> drl.contains(DrlText.readable(value).replace("\"", "\\\"")))) reached++;
            accepted++;
        }
        // both outcomes happen, and accepted values really reached the generated rules
        assertTrue(accepted > RUNS / 10 && refused > RUNS / 10 && reached > RUNS / 20, accepted + " / " + refused + " / " + reached);
    }

    private static void assertSameStructure(LawBook book, SortedMap<String, String> generated, String value) throws Exception {
        List<RuleDescr> items = parse(generated.get(RuleGenerator.NO_PENALTY_FILE), value);
        assertEquals(book.items().size(), items.size(), value);
        for (int i = 0; i < items.size(); i++) {
            NoPenaltyItem item = book.items().get(i);
            RuleDescr rule = items.get(i);
            assertEquals(DrlText.readable(item.id() + " " + item.kind().kind() + "：" + item.name()), rule.getName(), value);
            assertEquals(DrlText.readable(item.legalBasis()), meta(rule, "legalBasis"), value);
            assertEquals(DrlText.readable(item.list().source()), meta(rule, "source"), value);
            assertEquals(List.of(), List.copyOf(rule.getAttributes().keySet()).stream().filter(k -> !k.equals("agenda-group")).toList(), value);
            assertFinding(rule, 1 + (item.list().regions().isEmpty() ? 0 : 1) + item.conditions().size(), value);
            assertPropose(rule, "", value);
        }
        List<RuleDescr> provisions = parse(generated.get(RuleGenerator.PROVISIONS_FILE), value);
        assertEquals(book.provisions().size(), provisions.size(), value);
        for (int i = 0; i < provisions.size(); i++) {
            PenaltyProvision p = book.provisions().get(i);
            RuleDescr rule = provisions.get(i);
            assertEquals(DrlText.readable(p.id() + " " + p.legalBasis() + "：" + p.summary()), rule.getName(), value);
            assertEquals(DrlText.readable(p.source()), meta(rule, "source"), value);
            assertFinding(rule, 1 + p.conditions().size(), value);
            assertPropose(rule, DrlText.readable(p.summary()), value);
        }
    }

    private static List<RuleDescr> parse(String drl, String value) throws Exception {
        DrlParser parser = new DrlParser();
        PackageDescr pkg = parser.parse(false, drl);
        assertFalse(parser.hasErrors(), value + " → " + parser.getErrors());
        assertEquals("tianping.rules", pkg.getName());
        assertEquals(2, pkg.getImports().size(), value);
        assertTrue(pkg.getFunctions().isEmpty() && pkg.getGlobals().isEmpty(), value);
        return pkg.getRules();
    }

    private static String meta(RuleDescr rule, String key) {
        String raw = rule.getAnnotation(key).getValue().toString();
        assertTrue(raw.startsWith("\"") && raw.endsWith("\""), raw);
        return raw.substring(1, raw.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static void assertFinding(RuleDescr rule, int constraints, String value) {
        assertEquals(1, rule.getLhs().getDescrs().size(), value);
        PatternDescr p = (PatternDescr) rule.getLhs().getDescrs().get(0);
        assertEquals("Finding", p.getObjectType(), value);
        assertEquals("$f", p.getIdentifier(), value);
        assertEquals(constraints, p.getDescrs().size(), value + " → " + p.getDescrs());
        assertTrue(p.getDescrs().stream().allMatch(d -> d instanceof ExprConstraintDescr), value);
    }

    private static void assertPropose(RuleDescr rule, String message, String value) {
        BlockStmt block = StaticJavaParser.parseBlock("{" + rule.getConsequence() + "}");
        assertEquals(1, block.getStatements().size(), value);
        MethodCallExpr call = ((ExpressionStmt) block.getStatement(0)).getExpression().asMethodCallExpr();
        assertEquals("Decisions.propose", call.getScope().orElseThrow() + "." + call.getNameAsString(), value);
        assertEquals(3, call.getArguments().size(), value);
        assertEquals(message, ((StringLiteralExpr) call.getArgument(2)).asString().replace("\\\"", "\"").replace("\\\\", "\\"), value);
    }

    private static String value(Random random) {
        StringBuilder s = new StringBuilder();
        int pieces = 1 + random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(4)) {
                case 0, 1 -> s.append(PIECES.get(random.nextInt(PIECES.size())));
                case 2 -> s.appendCodePoint(random.nextInt(0x30000));
                default -> s.append("清单事项").append(random.nextInt(100));
            }
        }
        return s.toString();
    }

    /** The table with one cell of one data row (chosen at random) replaced by {@code value}, written back as CSV. */
    private static RuleFiles replaceCell(RuleFiles base, String table, Random random, String value) throws Exception {
        String[] lines = base.text(table).split("\n", -1);
        List<Integer> rows = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) continue;
            if (header) {
                header = false;
                continue;
            }
            rows.add(i);
        }
        int row = rows.get(random.nextInt(rows.size()));
        CSVRecord record;
        try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(lines[row]))) {
            record = p.getRecords().get(0);
        }
        List<String> cells = new ArrayList<>(record.toList());
        cells.set(random.nextInt(cells.size()), value);
        StringBuilder out = new StringBuilder();
        CSVFormat.DEFAULT.builder().setRecordSeparator("").get().printRecord(out, cells.toArray());
        lines[row] = out.toString();
        SortedMap<String, byte[]> files = new TreeMap<>(base.files());
        files.put(table, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        return RuleFiles.of(base.origin(), files);
    }

    private static String show(String value) {
        StringBuilder s = new StringBuilder("单元格值 ");
        value.codePoints().forEach(cp -> s.append(cp < 0x20 || cp > 0x7e ? String.format("\\u%04x", cp) : String.valueOf((char) cp)));
        return s.toString();
    }
}
