package tianping.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The officers' pages under {@code /pages/}: plain HTML, CSS and JavaScript kept in this jar
 * ({@code tianping/serve/pages/}), Apache ECharts from its webjar, and the case schema the form is generated from —
 * all served from the class path, so the pages work without any network beyond this service. Static files need
 * no token; what a page fetches from {@code /v1/…} is authorised as any other request.
 */
final class PageRoutes {

    static final String PREFIX = "/pages/";
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String SCHEMA = "tianping/schema/case.schema.json";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json; charset=utf-8", "svg", "image/svg+xml");

    /** A served file: its bytes and content type. */
    record Page(byte[] body, String type) {
    }

    private final Map<String, Page> cache = new ConcurrentHashMap<>();

    static boolean handles(String path) {
        return path.equals("/") || path.equals("/pages") || path.startsWith(PREFIX);
    }

    /** The file at a path, or null when there is none (names are looked up, never resolved as paths). */
    Page page(String path) throws IOException {
        String name = path.equals("/") || path.equals("/pages") || path.equals(PREFIX) ? "index.html" : path.substring(PREFIX.length());
        if (!name.matches("[a-z0-9-]+\\.(html|js|css|svg)|case\\.schema\\.json|lib/echarts\\.min\\.js")) return null;
        Page cached = cache.get(name);
        if (cached != null) return cached;
        String resource = switch (name) {
            case "lib/echarts.min.js" -> ECHARTS;
            case "case.schema.json" -> SCHEMA;
            default -> "tianping/serve/pages/" + name;
        };
        try (InputStream in = PageRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return null;
            Page p = new Page(in.readAllBytes(), TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            cache.put(name, p);
            return p;
        }
    }
}
