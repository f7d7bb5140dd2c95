package tianping.law;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a rule may say: the project's fact types and the public methods they declare (and the project types those
 * methods return, transitively), the {@code law} global, the proposal calls that take {@code kcontext}, a few pure
 * helpers ({@code String.join}, {@code tianping.law.Numbers}) and a handful of read-only JDK methods on the values
 * the facts return. Computed from the classes themselves, so a new getter on {@code Finding} is usable at once,
 * while nothing outside tianping's types (and never {@code getClass}) is.
 */
public final class RuleVocabulary {

    private static final List<String> PACKAGES = List.of("tianping.facts.", "tianping.decide.");
    private static final List<Class<?>> ROOTS = List.of(tianping.facts.Finding.class, tianping.facts.Order.class,
            tianping.facts.PriorFinding.class, tianping.facts.PriorWarning.class, tianping.facts.Reinspection.class,
            tianping.decide.Resolution.class, tianping.decide.Proposal.class, tianping.decide.Law.class);
    /** Static calls a rule may make, by the name it writes; the first group's calls take kcontext first. */
    private static final Map<String, Set<String>> WITH_CONTEXT = Map.of(
            "Decisions", Set.of("propose", "notApplied"), "tianping.decide.Decisions", Set.of("propose", "notApplied"),
            "DailyPenalty", Set.of("propose"), "tianping.decide.DailyPenalty", Set.of("propose"));
    private static final Map<String, Set<String>> PURE = Map.of(
            "String", Set.of("join", "valueOf"),
            "Numbers", publicStatic(Numbers.class), "tianping.law.Numbers", publicStatic(Numbers.class));
    /** Read-only methods of the JDK values facts return (String, List, LocalDate, BigDecimal, numbers). */
    private static final Set<String> JDK = Set.of("size", "isEmpty", "contains", "containsAll", "get", "length",
            "equals", "compareTo", "startsWith", "endsWith", "isBefore", "isAfter", "isEqual", "plusDays", "minusDays",
            "plusMonths", "minusMonths", "plusYears", "minusYears", "getYear", "getMonthValue", "getDayOfMonth",
            "doubleValue", "intValue", "longValue", "signum", "toPlainString", "toString", "trim", "substring", "indexOf");
    private static final Set<String> NEVER = Set.of("getClass", "wait", "notify", "notifyAll", "finalize", "clone",
            "hashCode", "getClassLoader", "forName", "newInstance", "invoke", "exec", "exit", "halt", "load", "loadLibrary");
    private static final Set<String> LOCAL_TYPES = Set.of("int", "long", "double", "boolean", "String", "java.lang.String",
            "java.math.BigDecimal", "BigDecimal");

    private static RuleVocabulary instance;

    private final Set<Class<?>> types;
    private final Set<String> methods = new TreeSet<>();
    private final Set<String> properties = new TreeSet<>();

    private RuleVocabulary() {
        types = closure(ROOTS);
        for (Class<?> c : types) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || NEVER.contains(m.getName())) continue;
                methods.add(m.getName());
                if (m.getParameterCount() == 0) properties.add(propertyOf(m.getName()));
                properties.add(m.getName());
            }
        }
        methods.addAll(JDK);
    }

    public static synchronized RuleVocabulary get() {
        if (instance == null) instance = new RuleVocabulary();
        return instance;
    }

    /** The project types (fact types and what their methods return) whose public methods rules may call. */
    public Set<String> typeNames() {
        Set<String> out = new TreeSet<>();
        types.forEach(t -> out.add(t.getName()));
        return out;
    }

    public Set<String> methods() {
        return java.util.Collections.unmodifiableSet(methods);
    }

    boolean importable(String target) {
        return target.equals("java.util.List") || PACKAGES.stream().anyMatch(p -> target.startsWith(p)
                && !target.substring(p.length()).contains(".") && !target.endsWith("*") && load(target) != null);
    }

    boolean factType(String name) {
        return resolve(name) != null;
    }

    boolean collection(String name) {
        return name.equals("List") || name.equals("java.util.List");
    }

    boolean method(String name) {
        return methods.contains(name);
    }

    boolean property(String name) {
        return properties.contains(name) && !NEVER.contains(name) && !name.equals("class");
    }

    boolean staticClass(String written) {
        return WITH_CONTEXT.containsKey(written) || PURE.containsKey(written);
    }

    boolean staticMethod(String written, String method) {
        return WITH_CONTEXT.getOrDefault(written, PURE.getOrDefault(written, Set.of())).contains(method);
    }

    boolean takesContext(String written, String method) {
        return WITH_CONTEXT.getOrDefault(written, Set.of()).contains(method);
    }

    boolean localType(String written) {
        return LOCAL_TYPES.contains(written) || resolve(written) != null;
    }

    private Class<?> resolve(String name) {
        if (name.contains(".")) return PACKAGES.stream().anyMatch(name::startsWith) ? load(name) : null;
        for (String p : PACKAGES) {
            Class<?> c = load(p + name);
            if (c != null) return c;
        }
        return null;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RuleVocabulary.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String propertyOf(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.startsWith(prefix) && method.length() > prefix.length() && Character.isUpperCase(method.charAt(prefix.length()))) {
                String rest = method.substring(prefix.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return method;
    }

    private static Set<Class<?>> closure(List<Class<?>> roots) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!seen.add(c)) continue;
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) continue;
                addProject(m.getGenericReturnType(), todo);
            }
        }
        return seen;
    }

    private static void addProject(Type t, Deque<Class<?>> todo) {
        if (t instanceof Class<?> c) {
            while (c.isArray()) c = c.getComponentType();
            if (c.getName().startsWith("tianping.")) todo.push(c);
        } else if (t instanceof ParameterizedType p) {
            addProject(p.getRawType(), todo);
            for (Type a : p.getActualTypeArguments()) addProject(a, todo);
        }
    }

    private static Set<String> publicStatic(Class<?> c) {
        Set<String> out = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) out.add(m.getName());
        return out;
    }
}
