package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.batch.UsageException;
import tianping.trust.Signatures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;

@Command(name = "keys", description = "签名密钥（Ed25519）：法务部门以私钥签名规则集与链头，部署以 --trust-key 给出公钥。",
        subcommands = {KeysCommand.Generate.class})
final class KeysCommand {

    @Command(name = "generate", description = "生成一对 Ed25519 密钥：DIR/private.pem（PKCS#8，仅本人可读写 0600）与 DIR/public.pem（X.509）。已有密钥不覆盖。")
    static final class Generate implements Callable<Integer> {

        static final String PRIVATE = "private.pem";
        static final String PUBLIC = "public.pem";

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "写入密钥的目录（不存在则创建）")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path priv = out.resolve(PRIVATE);
            Path pub = out.resolve(PUBLIC);
            for (Path p : new Path[]{priv, pub}) {
                if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new UsageException(p + "：已存在，不覆盖已有的密钥");
            }
            Files.createDirectories(out);
            KeyPair pair = Signatures.generate();
            writePrivate(priv, Signatures.pem(pair.getPrivate()));
            Files.writeString(pub, Signatures.pem(pair.getPublic()), StandardCharsets.US_ASCII);
            spec.commandLine().getOut().println("私钥 " + priv + "（妥善保管，仅本人可读写）\n公钥 " + pub + "（交给部署，--trust-key）\n公钥指纹 "
                    + Signatures.keyId(pair.getPublic()));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }

        /** Created with 0600 from the start, so the key is never readable by others, not even for a moment. */
        private static void writePrivate(Path file, String pem) throws IOException {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        }
    }
}
