package tianping.cli;

import picocli.CommandLine.Option;
import tianping.trust.TrustedKeys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --trust-key}: the public keys whose signature a rules directory or log snapshot must carry. */
final class TrustKeyOption {

    @Option(names = "--trust-key", paramLabel = "PUBLIC.pem",
            description = "只接受由此公钥（Ed25519，X.509 PEM）签名的规则目录与规则集快照，可多次给出；缺省不要求签名（内置规则集总是可信）")
    List<Path> files = new ArrayList<>();

    TrustedKeys keys() throws IOException {
        return TrustedKeys.read(files);
    }
}
