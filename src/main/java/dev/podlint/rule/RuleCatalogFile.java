package dev.podlint.rule;

import dev.podlint.load.ManifestLoader;
import dev.podlint.model.ContainerRole;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * podlint's own rules, read once from {@code rules/*.yaml} when podlint is built and kept as a
 * compact binary resource ({@link #RESOURCE}), so that a run reads its rules without parsing YAML.
 * Every field of each {@link RuleDefinition} is written as it is, the YAML trees of a rule
 * ({@code params}, {@code match.when}, {@code match.schema}) with the span and path of each node,
 * so that what {@link #read} gives equals what {@link RuleCatalog#parse} makes of the files.
 *
 * <p>{@link #main} writes it: the build runs it after compiling (Maven's {@code process-classes}),
 * with the rules directory and the file to write.
 */
public final class RuleCatalogFile {
  /** Where the build puts the catalogue, on the class path. */
  public static final String RESOURCE = "dev/podlint/rule/builtin-rules.bin";
  private static final int MAGIC = 0x504c5243; // "PLRC"
  private static final int VERSION = 1;
  private static final byte MAP = 1;
  private static final byte SEQ = 2;
  private static final byte SCALAR = 3;

  private RuleCatalogFile() {}

  /** {@code RuleCatalogFile RULES_DIR OUT_FILE}: parses every {@code *.yaml} of RULES_DIR and writes OUT_FILE. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: RuleCatalogFile RULES_DIR OUT_FILE");
      System.exit(2);
    }
    List<RuleDefinition> rules = parseDirectory(Path.of(args[0]));
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      write(rules, o);
    }
  }

  /** Every {@code *.yaml} file directly in {@code dir}, parsed as podlint's own rules, in name order. */
  static List<RuleDefinition> parseDirectory(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".yaml")) {
          files.put(n, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    return parseAll(files);
  }

  /** File name to text of rule files, parsed in map order. */
  static List<RuleDefinition> parseAll(Map<String, String> files) {
    List<RuleDefinition> out = new ArrayList<>();
    ManifestLoader yaml = new ManifestLoader();
    files.forEach((name, text) -> out.add(RuleCatalog.parse(yaml, name, text)));
    if (out.isEmpty()) {
      throw new IllegalStateException("no rule files found inside podlint (rules/*.yaml)");
    }
    return out;
  }

  /** The catalogue on the class path, or null when this build has none (run without the build step). */
  static List<RuleDefinition> readResource() {
    InputStream in = RuleCatalogFile.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      return null;
    }
    try (in) {
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException("podlint's rule catalogue " + RESOURCE + " cannot be read: " + e, e);
    }
  }

  public static void write(List<RuleDefinition> rules, OutputStream out) throws IOException {
    DataOutputStream o = new DataOutputStream(new BufferedOutputStream(out));
    o.writeInt(MAGIC);
    o.writeInt(VERSION);
    o.writeInt(rules.size());
    for (RuleDefinition r : rules) {
      writeRule(o, r);
    }
    o.flush();
  }

  public static List<RuleDefinition> read(InputStream in) throws IOException {
    DataInputStream i = new DataInputStream(new BufferedInputStream(in, 1 << 16));
    if (i.readInt() != MAGIC || i.readInt() != VERSION) {
      throw new IOException("not a rule catalogue of this podlint version");
    }
    int n = i.readInt();
    List<RuleDefinition> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(readRule(i));
    }
    if (i.read() != -1) {
      throw new IOException("bytes after the last rule");
    }
    return out;
  }

  private static void writeRule(DataOutputStream o, RuleDefinition r) throws IOException {
    str(o, r.id());
    str(o, r.name());
    str(o, r.title());
    o.writeByte(r.severity().ordinal());
    o.writeByte(r.category().ordinal());
    o.writeByte(r.kind().ordinal());
    o.writeByte(r.precision() == null ? -1 : r.precision().ordinal());
    o.writeBoolean(r.enabledByDefault());
    str(o, r.since());
    strings(o, r.appliesTo());
    o.writeByte(r.engine().ordinal());
    str(o, r.message());
    str(o, r.relatedMessage());
    o.writeInt(r.variants().size());
    for (Map.Entry<String, RuleDefinition.Variant> v : r.variants().entrySet()) {
      str(o, v.getKey());
      o.writeByte(v.getValue().severity() == null ? -1 : v.getValue().severity().ordinal());
      str(o, v.getValue().message());
    }
    str(o, r.rationale());
    str(o, r.remediation());
    str(o, r.help());
    o.writeInt(r.references().size());
    for (RuleDefinition.Reference ref : r.references()) {
      str(o, ref.title());
      str(o, ref.url());
    }
    str(o, r.badExample());
    str(o, r.goodExample());
    o.writeBoolean(r.oncePerRun());
    o.writeBoolean(r.dependsOnKubernetesVersion());
    o.writeBoolean(r.redactsFixes());
    o.writeBoolean(r.alwaysOn());
    str(o, r.suppression());
    tree(o, r.params());
    RuleDefinition.Match m = r.match();
    o.writeBoolean(m != null);
    if (m != null) {
      o.writeByte(m.target().ordinal());
      o.writeInt(m.roles().size());
      for (ContainerRole role : m.roles()) {
        o.writeByte(role.ordinal());
      }
      strings(o, m.kinds());
      str(o, m.workload());
      tree(o, m.when());
      tree(o, m.schema());
    }
    strings(o, r.tags());
    str(o, r.fileName());
  }

  private static RuleDefinition readRule(DataInputStream i) throws IOException {
    String id = str(i);
    String name = str(i);
    String title = str(i);
    Severity severity = Severity.values()[i.readByte()];
    Category category = Category.values()[i.readByte()];
    RuleKind kind = RuleKind.values()[i.readByte()];
    byte p = i.readByte();
    Precision precision = p < 0 ? null : Precision.values()[p];
    boolean enabled = i.readBoolean();
    String since = str(i);
    Set<String> appliesTo = Collections.unmodifiableSet(new LinkedHashSet<>(strings(i)));
    Engine engine = Engine.values()[i.readByte()];
    String message = str(i);
    String related = str(i);
    int nv = i.readInt();
    Map<String, RuleDefinition.Variant> variants = new LinkedHashMap<>();
    for (int k = 0; k < nv; k++) {
      String key = str(i);
      byte s = i.readByte();
      variants.put(key, new RuleDefinition.Variant(s < 0 ? null : Severity.values()[s], str(i)));
    }
    String rationale = str(i);
    String remediation = str(i);
    String help = str(i);
    int nr = i.readInt();
    List<RuleDefinition.Reference> refs = new ArrayList<>(nr);
    for (int k = 0; k < nr; k++) {
      refs.add(new RuleDefinition.Reference(str(i), str(i)));
    }
    String bad = str(i);
    String good = str(i);
    boolean oncePerRun = i.readBoolean();
    boolean dependsOnVersion = i.readBoolean();
    boolean redactsFixes = i.readBoolean();
    boolean alwaysOn = i.readBoolean();
    String suppression = str(i);
    YMap params = (YMap) tree(i);
    RuleDefinition.Match match = null;
    if (i.readBoolean()) {
      RuleDefinition.Target target = RuleDefinition.Target.values()[i.readByte()];
      int nroles = i.readInt();
      Set<ContainerRole> roles = EnumSet.noneOf(ContainerRole.class);
      for (int k = 0; k < nroles; k++) {
        roles.add(ContainerRole.values()[i.readByte()]);
      }
      Set<String> kinds = new LinkedHashSet<>(strings(i));
      String workload = str(i);
      YMap when = (YMap) tree(i);
      YMap schema = (YMap) tree(i);
      match = new RuleDefinition.Match(target, roles, kinds, workload, when, schema);
    }
    List<String> tags = List.copyOf(strings(i));
    String fileName = str(i);
    return new RuleDefinition(id, name, title, severity, category, kind, precision, enabled, since, appliesTo,
        engine, message, related, Collections.unmodifiableMap(variants), rationale, remediation, help,
        List.copyOf(refs), bad, good, oncePerRun, dependsOnVersion, redactsFixes, alwaysOn, suppression, params,
        match, tags, fileName);
  }

  // ---------------------------------------------------------------------------------------------
  // YAML trees: each node with its span; paths follow from the root's (a key has its map's path, a
  // value its map's path and key, an item its sequence's path and index), as the loader gives them

  private static void tree(DataOutputStream o, YNode root) throws IOException {
    if (root == null) {
      o.writeByte(0);
      return;
    }
    o.writeByte(1);
    List<Object> segments = root.path().segments();
    o.writeBoolean(root.path().inTree());
    o.writeInt(segments.size());
    for (Object s : segments) {
      o.writeBoolean(s instanceof Integer);
      if (s instanceof Integer n) {
        o.writeInt(n);
      } else {
        str(o, (String) s);
      }
    }
    node(o, root, root.path());
  }

  private static YNode tree(DataInputStream i) throws IOException {
    if (i.readByte() == 0) {
      return null;
    }
    YPath path = i.readBoolean() ? YPath.ROOT_OF_TREE : YPath.ROOT;
    int n = i.readInt();
    for (int k = 0; k < n; k++) {
      path = i.readBoolean() ? path.index(i.readInt()) : path.key(str(i));
    }
    return node(i, path);
  }

  private static void node(DataOutputStream o, YNode node, YPath expected) throws IOException {
    if (!node.path().equals(expected)) {
      throw new IllegalStateException("node at " + node.path() + " where " + expected + " was expected");
    }
    if (node instanceof YMap m) {
      o.writeByte(MAP);
      span(o, m.span());
      o.writeInt(m.entries().size());
      for (YMap.Entry e : m.entries()) {
        node(o, e.key(), expected);
        node(o, e.value(), expected.key(e.key().value()));
      }
    } else if (node instanceof YSeq s) {
      o.writeByte(SEQ);
      span(o, s.span());
      o.writeInt(s.size());
      for (int k = 0; k < s.size(); k++) {
        node(o, s.get(k), expected.index(k));
      }
    } else {
      YScalar s = (YScalar) node;
      o.writeByte(SCALAR);
      span(o, s.span());
      str(o, s.value());
      o.writeByte(s.type().ordinal());
      o.writeBoolean(s.quoted());
      o.writeBoolean(s.ambiguous());
      str(o, s.tag());
    }
  }

  private static YNode node(DataInputStream i, YPath path) throws IOException {
    byte kind = i.readByte();
    Span span = span(i);
    switch (kind) {
      case MAP -> {
        int n = i.readInt();
        List<YMap.Entry> entries = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          YScalar key = (YScalar) node(i, path);
          entries.add(new YMap.Entry(key, node(i, path.key(key.value()))));
        }
        return new YMap(entries, span, path);
      }
      case SEQ -> {
        int n = i.readInt();
        List<YNode> items = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          items.add(node(i, path.index(k)));
        }
        return new YSeq(items, span, path);
      }
      case SCALAR -> {
        String value = str(i);
        YScalar.Type type = YScalar.Type.values()[i.readByte()];
        boolean quoted = i.readBoolean();
        boolean ambiguous = i.readBoolean();
        return new YScalar(value, type, quoted, ambiguous, span, path, str(i));
      }
      default -> throw new IOException("unknown node kind " + kind);
    }
  }

  private static void span(DataOutputStream o, Span s) throws IOException {
    o.writeInt(s.start().line());
    o.writeInt(s.start().column());
    o.writeInt(s.end().line());
    o.writeInt(s.end().column());
  }

  private static Span span(DataInputStream i) throws IOException {
    return Span.of(i.readInt(), i.readInt(), i.readInt(), i.readInt());
  }

  // ---------------------------------------------------------------------------------------------
  // Text: length and UTF-8 bytes (writeUTF stops at 64 KB), -1 for null

  private static void str(DataOutputStream o, String s) throws IOException {
    if (s == null) {
      o.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    o.writeInt(b.length);
    o.write(b);
  }

  private static String str(DataInputStream i) throws IOException {
    int n = i.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    i.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void strings(DataOutputStream o, java.util.Collection<String> all) throws IOException {
    o.writeInt(all.size());
    for (String s : all) {
      str(o, s);
    }
  }

  private static List<String> strings(DataInputStream i) throws IOException {
    int n = i.readInt();
    List<String> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(str(i));
    }
    return out;
  }
}
