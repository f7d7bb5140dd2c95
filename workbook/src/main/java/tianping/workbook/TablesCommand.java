package tianping.workbook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tianping.law.LawBook;
import tianping.law.RuleFiles;
import tianping.law.RuleSetException;
import tianping.law.TableError;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "tables", description = "规则集的表格与 Excel 工作簿（.xlsx，WPS 或 Excel 均可）互相转换：导出后在工作簿中修改，再导入为表格。",
        subcommands = {TablesCommand.Export.class, TablesCommand.Import.class})
final class TablesCommand {

    @Command(name = "export", description = "把规则目录的全部表格导出为一个工作簿：每个表格一个工作表，首行为列名并冻结，取值有限的列带下拉列表，另有“条件用语”工作表。")
    static final class Export implements Callable<Integer> {

        @Parameters(paramLabel = "FILE.xlsx", description = "要写出的工作簿（已存在则覆盖）")
        Path xlsx;

        @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "规则目录（结构同 rules/），缺省为 rules")
        Path rules = Path.of("rules");

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(rules.resolve("tables"))) throw new NoSuchFileException(rules.resolve("tables").toString());
            RuleFiles files = RuleFiles.fromDirectory(rules);
            LawBook law = LawBook.read(files);
            SortedMap<String, byte[]> tables = new TreeMap<>();
            for (String path : files.paths("tables/", ".csv")) tables.put(path.substring("tables/".length()), files.get(path));
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                TableWorkbook.export(tables, law, out);
            }
            spec.commandLine().getOut().println(xlsx + "：已导出 " + tables.size() + " 个表格（" + rules.resolve("tables") + "）");
            return 0;
        }
    }

    @Command(name = "import", description = "把工作簿导入为规则目录的表格（tables/*.csv）：未改动的行与注释逐字节照旧，改动或新增的行重新写出；先按规则集加载核对，有错误时什么都不写，错误写明工作表与单元格。")
    static final class Import implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE.xlsx", description = "由 tables export 导出、修改后保存的工作簿")
        Path xlsx;

        @Parameters(index = "1", paramLabel = "DIR", description = "规则目录（结构同 rules/）：写入其中的 tables/")
        Path rules;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(rules)) throw Files.exists(rules) ? new NotDirectoryException(rules.toString()) : new NoSuchFileException(rules.toString());
            List<TableError> errors = new ArrayList<>();
            TableWorkbook.Tables tables;
            try (InputStream in = Files.newInputStream(xlsx)) {
                tables = TableWorkbook.read(in, errors);
            }
            if (!errors.isEmpty()) throw new RuleSetException(errors);
            // the rule set as it will be: the directory's other files with the workbook's tables
            SortedMap<String, byte[]> all = new TreeMap<>();
            if (Files.isDirectory(rules.resolve("drl")) && Files.isDirectory(rules.resolve("tables"))) {
                RuleFiles.fromDirectory(rules).files().forEach((k, v) -> {
                    if (!k.startsWith("tables/")) all.put(k, v);
                });
            }
            tables.files().forEach((k, v) -> all.put("tables/" + k, v));
            try {
                LawBook.read(RuleFiles.of(rules.toString(), all));
            } catch (RuleSetException e) {
                throw new RuleSetException(e.errors().stream().map(tables::locate).toList());
            }
            TableWorkbook.write(rules, tables.files());
            spec.commandLine().getOut().println(xlsx + "：已导入 " + tables.files().size() + " 个表格到 " + rules.resolve("tables"));
            return 0;
        }
    }
}
