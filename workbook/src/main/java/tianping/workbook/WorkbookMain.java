package tianping.workbook;

import tianping.cli.Main;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The workbook's jar: the runner's command line (the same messages, help and exit codes) with {@code tables}
 * added. The launcher sends {@code tables …} and {@code help tables} here, so POI never loads in {@code check}.
 */
public final class WorkbookMain {

    private WorkbookMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, false, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Main.run(args, out, err, List.of(new TablesCommand()));
    }
}
