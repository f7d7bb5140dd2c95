package tianping.serve;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The service's own entry point (target/tianping-service.jar), kept apart from the runner's so that {@code check}
 * never loads Jetty or the PostgreSQL driver: the launcher hands {@code serve}, {@code bench serve} and the
 * store's {@code log}, {@code show}, {@code replay} and {@code impact} commands here.
 */
@Command(name = "tianping", scope = CommandLine.ScopeType.INHERIT, mixinStandardHelpOptions = true,
        resourceBundle = tianping.cli.Main.MESSAGES, versionProvider = tianping.cli.Main.Version.class, description = "天平：服务与决定库。",
        subcommands = {ServiceMain.Serve.class, ServiceMain.Bench.class, StoreCommands.class, DocumentCommand.class, ShowStore.class,
                StoreReplay.Replay.class, StoreReplay.Impact.class})
public final class ServiceMain {

    /**
     * Jetty's thread pool for serve (selector, acceptor and request threads together). A smaller pool (16 on 2
     * cores, requests queued first come, first served) was measured with bench serve and did not beat this one.
     */
    static final int SERVE_THREADS = 64;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, false, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // the runner's handlers and messages: the same Chinese usage text, errors and exit codes as every command
        return tianping.cli.Main.execute(new CommandLine(new ServiceMain()), args, out, err);
    }

    @Command(name = "serve", description = "HTTP 服务：POST /v1/check、/v1/batch，查询决定、重放、/health、/metrics、/openapi.json。")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", description = "端口（缺省 8080）")
        int port = 8080;

        @Option(names = "--host", description = "监听地址（缺省 127.0.0.1）")
        String host = "127.0.0.1";

        @CommandLine.Mixin
        StoreOptionsMixin store;

        @Option(names = "--token-file", paramLabel = "F", description = "令牌文件：写入（POST）须带 Authorization: Bearer 令牌；缺省时拒绝写入")
        Path tokenFile;

        @Option(names = "--open-reads", description = "查询（GET）不需令牌")
        boolean openReads;

        @Option(names = "--trust-key", paramLabel = "PUBLIC.pem", description = "只接受由此公钥之一签名的 --rules 目录（可重复；启动与每次重新加载都核验，未签名或签名无效的不加载，仍用原规则集并在 /health 报告）")
        java.util.List<Path> trustKeys = new java.util.ArrayList<>();

        @Option(names = "--no-history-from-store", description = "不以决定库中该企业此前的决定补入违法历史（缺省补入，同 check --history-from-store）")
        boolean noHistory;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            String token = tokenFile == null ? null : Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
            if (token != null && token.length() < 16) {
                err.println(tokenFile + "：令牌太短（至少 16 个字符）");
                return 2;
            }
            Service s = Service.start(new Service.Options(host, port, store.rulesDir, store.logDir, store.storeUrl, token, openReads,
                    2000, SERVE_THREADS, !noHistory, tianping.trust.TrustedKeys.read(trustKeys)));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (Exception e) {
                    System.err.println("停止时出错：" + e);
                }
            }, "tianping-serve-stop"));
            err.println("tianping 服务：http://" + host + ":" + s.port() + "/（规则集 " + s.rules().engine().ruleSet().fingerprint()
                    + "，" + s.store().describe() + (token == null ? "，未配置令牌：不接受写入" : "") + "）");
            err.flush();
            s.join();
            return 0;
        }
    }

    /** picocli mixin wrapper of {@link StoreOptions}. */
    static final class StoreOptionsMixin {
        @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "规则目录（受监视：改动后重新加载，加载失败则沿用原规则集并在 /health 报告）；缺省用内置规则集")
        Path rulesDir;

        @Option(names = "--log", paramLabel = "DIR", description = "决定记录目录（缺省 .tianping）：决定与规则集快照记于此；用 --store 时二者都记入决定库，不用此目录")
        Path logDir = Path.of(".tianping");

        @Option(names = "--store", paramLabel = "jdbc:postgresql://…", description = "决定库（PostgreSQL）：决定记入数据库而非 decisions.jsonl")
        String storeUrl;
    }

    @Command(name = "bench", description = "性能基准（服务）。", subcommands = {BenchServe.class})
    static final class Bench {
    }
}
