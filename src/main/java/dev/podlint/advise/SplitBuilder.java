package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a {@link SplitPlan} becomes: the kind, name and selector of each part's workload,
 * the Services (the file's own, pointed at the part that now serves their ports, and new ones),
 * and the rewritten {@code localhost} references; {@link PartWorkload} writes each workload.
 */
final class SplitBuilder {
  final PodView pod;
  final SplitPlan plan;
  final K8sObject object;
  final String base;
  final String dnsBase;
  final List<SplitPlan.Part> parts;
  final String[] kinds;
  final String[] names;
  /** Per part, the labels that tell its pods apart (the original values for the first). */
  final List<Map<String, String>> selectors = new ArrayList<>();
  /** The pods' original labels. */
  final Map<String, String> labels;
  final ServiceDraft[] serviceOf;
  final List<IdentityHashMap<YScalar, String>> rewrites = new ArrayList<>();
  final List<List<String>> notes = new ArrayList<>();
  private final List<ServiceDraft> services = new ArrayList<>();
  private final Naming naming;

  SplitBuilder(PodView pod, SplitPlan plan, Set<String> taken) {
    this.pod = pod;
    this.plan = plan;
    this.object = pod.object();
    this.base = object.name() == null ? "app" : object.name();
    this.dnsBase = Naming.dnsLabel(base);
    this.parts = plan.parts();
    this.kinds = new String[parts.size()];
    this.names = new String[parts.size()];
    this.serviceOf = new ServiceDraft[parts.size()];
    this.labels = NodeCopy.strings(pod.labels().orElse(null));
    this.naming = new Naming(pod, taken);
    for (int i = 0; i < parts.size(); i++) {
      rewrites.add(new IdentityHashMap<>());
      notes.add(new ArrayList<>());
    }
  }

  /** The proposal: the object's text becomes the workloads and new Services; changed Services are rewritten. */
  SplitProposal build(Region region) {
    nameWorkloads();
    noteSharedClaims();
    List<ServiceDraft> existing = retargetServices();
    addServices();
    rewriteReferences();
    List<YamlWriter.Commented> docs = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      docs.add(new PartWorkload(this, i).manifest());
      for (ServiceDraft d : services) {
        if (d.part() == i && d.existing().isEmpty()) {
          docs.add(d.manifest());
        }
      }
    }
    List<SplitProposal.Replacement> edits = new ArrayList<>();
    edits.add(new SplitProposal.Replacement(region.span(), region.text(docs)));
    for (ServiceDraft d : existing) {
      if (d.changed()) {
        Region r = Region.of(d.existing().orElseThrow(), pod.fileObjects()).orElseThrow();
        edits.add(new SplitProposal.Replacement(r.span(), r.text(List.of(d.manifest()))));
      }
    }
    List<String> workloads = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      workloads.add(kinds[i] + " " + names[i]);
    }
    List<String> svcNames = services.stream().map(ServiceDraft::name).distinct().toList();
    String description = "Split " + object.kind() + " " + base + " into " + join(workloads)
        + (svcNames.isEmpty() ? "" : ", with Service" + (svcNames.size() > 1 ? "s " : " ") + join(svcNames));
    return new SplitProposal(description, edits);
  }

  // ---- workloads ------------------------------------------------------------------------------

  private void nameWorkloads() {
    List<String> keys = selectorKeys();
    for (int i = 0; i < parts.size(); i++) {
      kinds[i] = kindOf(i);
      String suffix = Naming.dnsLabel(parts.get(i).main().name());
      if (i == 0) {
        names[i] = base;
        naming.keep(kinds[i], base);
      } else {
        names[i] = naming.unique(kinds[i], dnsBase + "-" + suffix, kinds[i].equals("StatefulSet") ? 52 : 63);
      }
      Map<String, String> sel = new LinkedHashMap<>();
      for (String k : keys) {
        String v = labels.getOrDefault(k, dnsBase);
        sel.put(k, i == 0 ? v : naming.uniqueLabel(k, Naming.limit(v.isEmpty() ? suffix : v + "-" + suffix, 63)));
      }
      selectors.add(sel);
    }
  }

  /**
   * The workload kind of part {@code i}: a data service becomes a StatefulSet (one pod per
   * ordinal, replaced only after it stopped), a DaemonSet stays one, the first part keeps the
   * original kind (a bare Pod becomes a controller), and the others keep it too unless they leave
   * a StatefulSet without data. Of a kind that is not Kubernetes' own, only the first part keeps
   * it (when {@link #keepsKind}): the kind's own fields (a Rollout's strategy, a DeploymentConfig's
   * triggers, a Knative Service's traffic) speak of that workload, and the others are Deployments
   * (StatefulSets for data).
   */
  private String kindOf(int i) {
    boolean data = parts.get(i).role() == SplitPlan.Role.DATA_SERVICE;
    WorkloadKind row = pod.workloadKind();
    if (!row.kubernetes()) { // an operator's or a declared kind: see keepsKind
      return i == 0 && keepsKind(row) ? object.kind() : data ? "StatefulSet" : "Deployment";
    }
    return switch (object.kind()) {
      case "Pod" -> data ? "StatefulSet" : "Deployment";
      case "DaemonSet" -> "DaemonSet";
      case "StatefulSet" -> i == 0 || data ? "StatefulSet" : "Deployment";
      default -> i == 0 || !data ? object.kind() : "StatefulSet";
    };
  }

  /**
   * Whether the first part can be written as the original kind, which is not Kubernetes' own:
   * podlint writes a pod template only at {@code spec.template}, where the built-in kinds of
   * operators keep theirs; a declared kind with its pods elsewhere becomes Deployments.
   */
  static boolean keepsKind(WorkloadKind row) {
    return row.podTemplate() && row.templatePath().equals(List.of("spec", "template"));
  }

  /** The selector's label keys (they get a per-part value), else an app-like label. */
  private List<String> selectorKeys() {
    Optional<YMap> sel = object.root().mapAt("spec", "selector");
    Optional<YMap> match = pod.workloadKind().selector() == WorkloadKind.Selector.LABEL_MAP ? sel
        : sel.flatMap(m -> m.map("matchLabels"));
    if (match.isPresent() && !match.get().entries().isEmpty()) {
      return match.get().effectiveEntries().stream().map(e -> e.key().value()).toList();
    }
    for (String k : List.of("app.kubernetes.io/name", "app", "name", "k8s-app")) {
      if (labels.containsKey(k)) {
        return List.of(k);
      }
    }
    return List.of("app");
  }

  /** A claim several parts mount: a ReadWriteOnce claim attaches to one node only. */
  private void noteSharedClaims() {
    for (YMap v : pod.spec().maps("volumes")) {
      Optional<String> claim = v.mapAt("persistentVolumeClaim").flatMap(c -> c.string("claimName"));
      Optional<String> name = v.string("name");
      if (claim.isEmpty() || name.isEmpty()) {
        continue;
      }
      List<Integer> users = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        if (mounted(i).contains(name.get())) {
          users.add(i);
        }
      }
      if (users.size() > 1) {
        for (int i : users) {
          notes.get(i).add("claim " + claim.get() + " is mounted by " + users.size() + " workloads now; a ReadWriteOnce "
              + "claim attaches to one node only, so give each workload its own claim");
        }
      }
    }
  }

  // ---- Services -------------------------------------------------------------------------------

  /**
   * The file's Services that select the pod: each now selects the part that serves its ports (the
   * first part when it serves any of them); ports another part serves move to that part's
   * Service, so no Service ever points at pods without its ports.
   */
  private List<ServiceDraft> retargetServices() {
    List<ServiceDraft> out = new ArrayList<>();
    Map<Integer, List<Object>> moved = new LinkedHashMap<>();
    for (K8sObject svc : SelectingServices.of(pod)) {
      if (Region.of(svc, pod.fileObjects()).isEmpty()) {
        notes.get(0).add("Service " + svc.name() + " selects these pods, but podlint cannot rewrite it (it is in flow "
            + "style); point it at the workload that serves its ports by hand");
        continue;
      }
      List<YNode> entries = svc.root().mapAt("spec").flatMap(m -> m.seq("ports")).map(YSeq::items).orElse(List.of());
      List<Integer> owners = entries.stream().map(e -> e instanceof YMap m ? ownerOf(m) : -1).toList();
      int home = owners.contains(0) || owners.stream().allMatch(o -> o < 0) ? 0
          : owners.stream().filter(o -> o >= 0).findFirst().orElse(0);
      ServiceDraft d = ServiceDraft.existing(svc, home);
      if (d.select(selectors.get(home), "'" + parts.get(home).main().name() + "' runs in " + kinds[home] + " "
          + names[home] + " now")) {
        notes.get(home).add("Service " + svc.name() + " of this file now selects these pods");
      }
      List<Object> written = List.copyOf(d.ports()); // one entry per item of the Service's ports, in order
      for (int p = 0; p < entries.size(); p++) {
        int owner = owners.get(p);
        if (owner >= 0 && owner != home) {
          Object entry = written.get(p);
          d.remove(entry);
          moved.computeIfAbsent(owner, k -> new ArrayList<>()).add(entry);
          d.comment("podlint advise: port " + NodeCopy.text(((Map<?, ?>) entry).get("port")) + " moved to the Service of '"
              + parts.get(owner).main().name() + "'; its clients must use that Service's name");
        }
      }
      if (serviceOf[home] == null) {
        serviceOf[home] = d;
      }
      services.add(d);
      out.add(d);
    }
    moved.forEach((part, entries) -> {
      ServiceDraft d = serviceOf[part] != null ? serviceOf[part] : newService(part);
      entries.forEach(d::add);
    });
    return out;
  }

  /** The part that serves a Service port's target (by name or number), or -1. */
  private int ownerOf(YMap port) {
    Optional<YScalar> target = port.scalar("targetPort").or(() -> port.scalar("port"));
    if (target.isEmpty()) {
      return -1;
    }
    for (int i = 0; i < parts.size(); i++) {
      for (SplitPlan.Member m : parts.get(i).members()) {
        if (!m.service()) {
          continue;
        }
        for (PortDecl d : m.container().ports()) {
          boolean byName = target.get().isString() && d.name().filter(target.get().value()::equals).isPresent();
          boolean byNumber = !target.get().isString() && d.number() != null
              && target.get().asLong().filter(d.number()::equals).isPresent();
          if (byName || byNumber) {
            return i;
          }
        }
      }
    }
    Optional<Long> n = target.get().isString() ? Optional.empty() : target.get().asLong();
    for (int i = 0; n.isPresent() && i < parts.size(); i++) {
      if (parts.get(i).ports().stream().anyMatch(p -> p.number() == n.get())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A Service for every moved part that serves ports, for every new StatefulSet (its governing
   * Service, headless) and for every part another part reaches, unless one of the file's
   * Services serves it already.
   */
  private void addServices() {
    Set<Integer> reached = new LinkedHashSet<>();
    parts.forEach(p -> p.references().forEach(r -> reached.add(r.target())));
    for (int i = 0; i < parts.size(); i++) {
      if (serviceOf[i] != null) {
        continue;
      }
      boolean governing = kinds[i].equals("StatefulSet") && !(i == 0 && object.kind().equals("StatefulSet"));
      // a worker's metrics port needs no Service unless another part reaches it
      boolean worker = parts.get(i).role() == SplitPlan.Role.WORKER;
      boolean serves = !parts.get(i).ports().isEmpty() && (i > 0 && !worker || reached.contains(i));
      if (governing || serves) {
        ServiceDraft d = newService(i);
        for (SplitPlan.Port p : parts.get(i).ports()) {
          d.addPort(p.number(), p.protocol(), p.name());
          if (!p.declared()) {
            notes.get(i).add("'" + p.container().name() + "' listens on " + p.number() + " without declaring it; "
                + "declare it in its ports");
          }
        }
      } else if (i > 0 && parts.get(i).role() != SplitPlan.Role.WORKER) {
        notes.get(i).add("'" + parts.get(i).main().name() + "' declares no port, so no Service is proposed for it; "
            + "declare the port it serves and add one");
      }
    }
  }

  private ServiceDraft newService(int i) {
    String name = naming.unique("Service", Naming.serviceName(i == 0 ? dnsBase : names[i]), 63);
    ServiceDraft d = ServiceDraft.fresh(name, object.namespace(), i, selectors.get(i), kinds[i].equals("StatefulSet"),
        kinds[i].equals("DaemonSet"));
    d.comment("podlint advise: Service " + name + " in front of '" + parts.get(i).main().name()
        + "', so other workloads reach it by name instead of localhost");
    serviceOf[i] = d;
    services.add(d);
    return d;
  }

  // ---- references -----------------------------------------------------------------------------

  /** Points each part's references at the Service of the part that serves the port. */
  private void rewriteReferences() {
    for (int i = 0; i < parts.size(); i++) {
      Map<YScalar, List<String[]>> byScalar = new LinkedHashMap<>(); // identity is enough: one node, one key
      Map<YScalar, List<SplitPlan.Reference>> refs = new IdentityHashMap<>();
      List<YScalar> order = new ArrayList<>();
      for (SplitPlan.Reference r : parts.get(i).references()) {
        ServiceDraft d = serviceOf[r.target()];
        if (d == null) {
          notes.get(i).add(r.source() + " of '" + r.container().name() + "' reaches " + r.text() + ", but '"
              + parts.get(r.target()).main().name() + "' gets no Service; point it at one by hand");
          continue;
        }
        String portName = parts.get(r.target()).ports().stream().filter(p -> p.number() == r.port())
            .map(SplitPlan.Port::name).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        String protocol = parts.get(r.target()).ports().stream().filter(p -> p.number() == r.port())
            .map(SplitPlan.Port::protocol).findFirst().orElse("TCP");
        int port = d.portFor(r.port(), portName);
        if (port < 0) {
          port = d.addPort(r.port(), protocol, portName);
        }
        if (!r.inObject()) {
          notes.get(i).add(r.source() + ", which '" + r.container().name() + "' reads, still says " + r.text()
              + "; point it at " + d.name() + ":" + port + " (podlint rewrites the workloads, not their ConfigMaps)");
          continue;
        }
        if (!refs.containsKey(r.node())) {
          order.add(r.node());
          refs.put(r.node(), new ArrayList<>());
        }
        refs.get(r.node()).add(r);
        byScalar.computeIfAbsent(r.node(), k -> new ArrayList<>()).add(new String[] {d.name(), String.valueOf(port)});
      }
      for (YScalar node : order) {
        rewrite(i, node, refs.get(node), byScalar.get(node));
      }
    }
  }

  /** Replaces the references in one scalar, from the last to the first so offsets stay valid. */
  private void rewrite(int part, YScalar node, List<SplitPlan.Reference> refs, List<String[]> targets) {
    String value = node.value();
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < refs.size(); k++) {
      order.add(k);
    }
    order.sort((a, b) -> Integer.compare(refs.get(b).start(), refs.get(a).start()));
    for (int k : order) {
      SplitPlan.Reference r = refs.get(k);
      String svc = targets.get(k)[0];
      String port = targets.get(k)[1];
      if (r.hostOnly()) {
        value = r.start() < 0 ? svc : value.substring(0, r.start()) + svc + value.substring(r.end());
        if (!port.equals(String.valueOf(r.port()))) {
          notes.get(part).add(r.source() + ": Service " + svc + " serves " + r.port() + " as port " + port
              + "; set the port to match");
        }
      } else {
        value = value.substring(0, r.start()) + svc + ":" + port + value.substring(r.end());
      }
    }
    rewrites.get(part).put(node, value);
    SplitPlan.Reference first = refs.get(0);
    notes.get(part).add("rewritten " + first.source() + " of '" + first.container().name() + "': " + node.value()
        + " -> " + value);
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** The name of part {@code i}'s Service, or empty. */
  Optional<String> serviceName(int i) {
    return Optional.ofNullable(serviceOf[i]).map(ServiceDraft::name);
  }

  /** The volumes (and claim templates) part {@code i}'s containers mount. */
  Set<String> mounted(int i) {
    Set<String> out = new LinkedHashSet<>();
    for (SplitPlan.Member m : parts.get(i).members()) {
      ContainerView c = m.container();
      c.node().maps("volumeMounts").forEach(v -> v.string("name").ifPresent(out::add));
      c.node().maps("volumeDevices").forEach(v -> v.string("name").ifPresent(out::add));
    }
    return out;
  }

  /** {@code a, b and c}. */
  static String join(List<String> items) {
    if (items.size() < 2) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
