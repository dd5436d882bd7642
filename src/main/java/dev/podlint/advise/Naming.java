package dev.podlint.advise;

import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names for what a proposal adds, unique in the file: {@code Kind/name} of the file's objects and
 * {@code key=value} of the labels its objects and pod templates carry, plus what this and earlier
 * proposals for the same file took ({@code taken}, kept by the caller).
 */
final class Naming {
  private static final Object INDEX = new Object();

  private final Map<String, Integer> inFile;
  private final String own;
  private final Set<String> taken;

  Naming(PodView pod, Set<String> taken) {
    this.inFile = pod.fileIndex(INDEX, Naming::index);
    K8sObject o = pod.object();
    this.own = o.name() == null ? null : o.kind() + "/" + o.name();
    this.taken = taken;
  }

  /** {@code name}, or {@code name-2}, {@code name-3}... when the file or a proposal has it already. */
  String unique(String kind, String name, int max) {
    String first = limit(name, max);
    String candidate = first;
    for (int n = 2; isTaken(kind + "/" + candidate); n++) {
      candidate = limit(name, max - String.valueOf(n).length() - 1) + "-" + n;
    }
    taken.add(kind + "/" + candidate);
    return candidate;
  }

  /** Records that the proposal keeps {@code kind/name} (the original object under its name). */
  void keep(String kind, String name) {
    taken.add(kind + "/" + name);
  }

  /** A label value for {@code key} that no object of the file uses yet. */
  String uniqueLabel(String key, String value) {
    return unique("label " + key, value, 63);
  }

  private boolean isTaken(String kindAndName) {
    if (taken.contains(kindAndName)) {
      return true;
    }
    int n = inFile.getOrDefault(kindAndName, 0);
    return kindAndName.equals(own) ? n > 1 : n > 0;
  }

  /** How many objects of the file have each {@code Kind/name}, and each label. */
  private static Map<String, Integer> index(List<K8sObject> objects) {
    Map<String, Integer> out = new HashMap<>();
    for (K8sObject o : objects) {
      if (o.name() != null) {
        out.merge(o.kind() + "/" + o.name(), 1, Integer::sum);
      }
      labels(o.root().mapAt("metadata", "labels"), out);
      PodView.of(o).ifPresent(p -> labels(p.labels(), out));
    }
    return out;
  }

  private static void labels(java.util.Optional<YMap> labels, Map<String, Integer> out) {
    labels.ifPresent(m -> m.entries().forEach(e -> {
      if (e.value() instanceof YScalar v && !v.isNull()) {
        out.merge("label " + e.key().value() + "/" + v.value(), 1, Integer::sum);
      }
    }));
  }

  /** At most {@code max} characters, keeping it unique with a short hash, ending in a letter or digit. */
  static String limit(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    String hash = Integer.toHexString(s.hashCode() & 0xfffff);
    return trimEnd(s.substring(0, max - hash.length() - 1)) + "-" + hash;
  }

  private static String trimEnd(String s) {
    int end = s.length();
    while (end > 0 && "-_.".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }

  /** A name as a DNS label: lower case a-z, 0-9 and '-', not starting or ending with '-'. */
  static String dnsLabel(String s) {
    if (isDnsLabel(s)) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (ok) {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
        b.append('-');
      }
    }
    String out = trimEnd(b.toString());
    return out.isEmpty() ? "part" : out;
  }

  /** A Service name (an RFC 1035 label: it starts with a letter). */
  static String serviceName(String s) {
    String l = dnsLabel(s);
    return l.charAt(0) >= 'a' && l.charAt(0) <= 'z' ? l : "svc-" + l;
  }

  private static boolean isDnsLabel(String s) {
    if (s.isEmpty() || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
