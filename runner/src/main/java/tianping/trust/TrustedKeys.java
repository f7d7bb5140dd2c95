package tianping.trust;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public keys a deployment trusts (its legal department's), given with {@code --trust-key}. With none, a rules
 * directory is trusted because the operator named it, as before; with any, a rules directory or a log snapshot must
 * carry a signature by one of them.
 */
public final class TrustedKeys {

    public static final TrustedKeys NONE = new TrustedKeys(Map.of());

    private final Map<String, PublicKey> byId;

    private TrustedKeys(Map<String, PublicKey> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static TrustedKeys read(List<Path> files) throws IOException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (Path f : files) {
            PublicKey k = Signatures.readPublic(f);
            keys.put(Signatures.keyId(k), k);
        }
        return new TrustedKeys(keys);
    }

    public static TrustedKeys of(PublicKey... keys) {
        Map<String, PublicKey> m = new LinkedHashMap<>();
        for (PublicKey k : keys) m.put(Signatures.keyId(k), k);
        return new TrustedKeys(m);
    }

    /** Whether signatures are required at all. */
    public boolean required() {
        return !byId.isEmpty();
    }

    /** The trusted key with this id, or null. */
    public PublicKey key(String keyId) {
        return byId.get(keyId);
    }
}
