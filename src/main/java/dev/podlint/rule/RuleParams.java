package dev.podlint.rule;

import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed rule parameters: a rule's {@code params} (the defaults of its rule file, or the values a
 * configuration gave, already checked against the rule's params schema) filled into the record its
 * check declares, once per set of values. Each record component is a parameter of the same name;
 * a component may be a {@code boolean}, {@code int}, {@code long}, {@code String}, a YAML node, a
 * {@code List} of these, a record (whose components are the keys of a mapping; a missing key is
 * false, 0, an empty list or null), or a type with a {@code public static fromParam(YNode)} method
 * that reads a value of its own shape (a pattern compiled its own way, a port written as text).
 *
 * <p>The configuration checks parameters by filling the record the same way, so a value a check
 * cannot use is a problem of the configuration file, never a failure of a run.
 */
public final class RuleParams {
  /**
   * Per params tree, the records filled from it; rules share the trees of their definitions, so the
   * tree itself is the key (not its value: hashing a tree walks every node of it, 100 entries with
   * their spans for the networking rules' image ports), held weakly.
   */
  private static final Map<TreeKey, Map<Class<?>, Object>> FILLED = new HashMap<>();
  private static final ReferenceQueue<YMap> GONE = new ReferenceQueue<>();

  private RuleParams() {}

  /**
   * The parameters of {@code rule} as a {@code type}.
   *
   * @throws IllegalArgumentException when a value cannot be used (its message says which and why)
   * @throws IllegalStateException when {@code type} does not match the rule's params schema
   */
  public static <P extends Record> P of(RuleDefinition rule, Class<P> type) {
    if (rule.params() == null) {
      throw new IllegalStateException(rule.fileName() + " has no params for " + type.getName());
    }
    Map<Class<?>, Object> byType;
    synchronized (FILLED) {
      for (Reference<? extends YMap> gone; (gone = GONE.poll()) != null; ) {
        FILLED.remove((TreeKey) gone);
      }
      byType = FILLED.get(new TreeKey(rule.params(), null));
      if (byType == null) {
        byType = new HashMap<>();
        FILLED.put(new TreeKey(rule.params(), GONE), byType);
      }
    }
    Object filled;
    synchronized (byType) {
      filled = byType.get(type);
    }
    if (filled == null) {
      filled = fill(rule, type);
      synchronized (byType) {
        byType.putIfAbsent(type, filled);
        filled = byType.get(type);
      }
    }
    return type.cast(filled);
  }

  /** A params tree as a key: this very tree, held weakly (an entry whose tree is gone equals only itself). */
  private static final class TreeKey extends WeakReference<YMap> {
    private final int hash;

    TreeKey(YMap tree, ReferenceQueue<YMap> queue) {
      super(tree, queue);
      this.hash = System.identityHashCode(tree);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      YMap tree = get();
      return tree != null && o instanceof TreeKey k && k.get() == tree;
    }
  }

  private static <P extends Record> P fill(RuleDefinition rule, Class<P> type) {
    Set<String> names = new LinkedHashSet<>(rule.paramNames());
    Set<String> components = new LinkedHashSet<>();
    for (RecordComponent c : type.getRecordComponents()) {
      components.add(c.getName());
    }
    if (!names.equals(components)) {
      throw new IllegalStateException(rule.fileName() + ": the params " + names + " and the components "
          + components + " of " + type.getName() + " differ");
    }
    Map<String, YNode> values = new HashMap<>();
    for (String name : names) {
      values.put(name, rule.paramDefault(name).orElse(null));
    }
    return record(type, values);
  }

  private static <P> P record(Class<P> type, Map<String, YNode> values) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      YNode node = values.get(components[i].getName());
      args[i] = node == null || node instanceof YScalar s && s.isNull()
          ? absent(components[i].getType()) : value(node, components[i].getGenericType());
    }
    try {
      var constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw rethrown(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make " + type.getName() + ": " + e, e);
    }
  }

  private static Object value(YNode node, Type generic) {
    Class<?> type = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
    if (type.isInstance(node)) {
      return node; // a YAML node as written
    }
    if (type == List.class) {
      Type item = ((ParameterizedType) generic).getActualTypeArguments()[0];
      List<Object> out = new ArrayList<>();
      for (YNode n : items(node)) {
        if (!(n instanceof YScalar s && s.isNull())) {
          out.add(value(n, item));
        }
      }
      return List.copyOf(out);
    }
    Method reader = reader(type);
    if (reader != null) {
      try {
        return reader.invoke(null, node);
      } catch (InvocationTargetException e) {
        throw rethrown(e);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    if (type.isRecord()) {
      if (!(node instanceof YMap m)) {
        throw new IllegalArgumentException("expected a mapping at " + node.path().describe());
      }
      Map<String, YNode> values = new HashMap<>();
      m.entries().forEach(e -> values.put(e.key().value(), e.value()));
      return record(type, values);
    }
    if (!(node instanceof YScalar s)) {
      throw new IllegalArgumentException("expected a single value at " + node.path().describe());
    }
    if (type == String.class) {
      return s.value();
    }
    if (type == boolean.class || type == Boolean.class) {
      return s.asBoolean().orElseThrow(() -> expected("true or false", s));
    }
    if (type == long.class || type == Long.class) {
      return s.asLong().orElseThrow(() -> expected("an integer", s));
    }
    if (type == int.class || type == Integer.class) {
      return s.asLong().filter(l -> l == l.intValue()).map(Long::intValue).orElseThrow(() -> expected("an integer", s));
    }
    throw new IllegalStateException("parameters cannot be of type " + generic.getTypeName());
  }

  private static List<YNode> items(YNode node) {
    if (!(node instanceof YSeq seq)) {
      throw new IllegalArgumentException("expected a list at " + node.path().describe());
    }
    return seq.items();
  }

  /** The {@code public static fromParam(YNode)} of {@code type}, or null: looked up once per type. */
  private static Method reader(Class<?> type) {
    return READERS.get(type).orElse(null);
  }

  /** Per type, its reader: a list parameter reads each of its items with it. */
  private static final ClassValue<Optional<Method>> READERS = new ClassValue<>() {
    @Override
    protected Optional<Method> computeValue(Class<?> type) {
      return Optional.ofNullable(findReader(type));
    }
  };

  private static Method findReader(Class<?> type) {
    try {
      Method m = type.getMethod("fromParam", YNode.class);
      if (!Modifier.isStatic(m.getModifiers()) || !type.isAssignableFrom(m.getReturnType())) {
        return null;
      }
      m.setAccessible(true); // the reader of a record nested in a class that is not public
      return m;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Object absent(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == int.class) {
      return 0;
    }
    return type == List.class ? List.of() : null;
  }

  private static IllegalArgumentException expected(String what, YScalar s) {
    return new IllegalArgumentException("expected " + what + " at " + s.path().describe() + ", got '" + s.value() + "'");
  }

  /** What a record's constructor or reader threw: its own exception when unchecked. */
  private static RuntimeException rethrown(InvocationTargetException e) {
    if (e.getCause() instanceof RuntimeException r) {
      return r;
    }
    if (e.getCause() instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(e.getCause());
  }
}
