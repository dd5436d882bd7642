package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The split {@link PodDesign} advises, as manifests: one workload per group of containers (the
 * first keeps the original name, the others get {@code <name>-<container>} and their own
 * selector so no two workloads select the same pods), a Service for every group that serves
 * ports another group or the outside reaches, and {@code localhost} references rewritten to the
 * Service that now serves the port. Everything else of the original (metadata, replicas,
 * strategy, env, volumes, probes, resources, security settings) is carried over.
 *
 * @param description one line for a SARIF fix
 * @param replacements the edits of the original file: the object's document becomes the proposed
 *     manifests (YAML documents separated by {@code ---}); a Service of the same file that selects
 *     the pod on a port that moves is pointed at the new workload
 */
public record SplitProposal(String description, List<Replacement> replacements) {
  /** Replace the text inside {@code deleted} with {@code text}. */
  public record Replacement(Span deleted, String text) {}

  /** The proposed manifests that replace the pod's own document. */
  public String text() {
    return replacements.get(0).text();
  }

  private static final Set<String> CONTROLLERS = Set.of(
      "Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet", "Job", "CronJob");

  /** The proposal for {@code pod}; empty when the object is not a whole document of its file. */
  public static Optional<SplitProposal> of(PodView pod, PodDesign.Verdict verdict) {
    K8sObject o = pod.object();
    if (!o.root().path().isRoot() || !(CONTROLLERS.contains(o.kind()) || o.kind().equals("Pod"))) {
      return Optional.empty(); // an item of a List, or a PodTemplate: no document to replace
    }
    return Optional.of(new Builder(pod, verdict).build());
  }

  private static final class Builder {
    private final PodView pod;
    private final PodDesign.Verdict verdict;
    private final K8sObject object;
    private final String base;
    private final List<PodDesign.Group> groups;
    private final List<String> workloadNames = new ArrayList<>();
    private final List<String> serviceNames = new ArrayList<>();
    private final List<Map<String, Object>> selectors = new ArrayList<>();
    /** Port number to the group whose services listen on it. */
    private final Map<Integer, Integer> portOwner = new LinkedHashMap<>();
    private final Set<Integer> needsService = new LinkedHashSet<>();
    private final Map<YScalar, String> rewrites = new IdentityHashMap<>();
    private final Map<Integer, List<String>> notes = new LinkedHashMap<>();

    Builder(PodView pod, PodDesign.Verdict verdict) {
      this.pod = pod;
      this.verdict = verdict;
      this.object = pod.object();
      this.base = object.name() == null ? "app" : object.name();
      this.groups = ordered(pod, verdict.groups());
    }

    SplitProposal build() {
      Map<String, Object> labels = scalars(pod.labels().orElse(null));
      List<String> keys = selectorKeys(labels);
      Names taken = new Names(pod, object);
      String dnsBase = dnsLabel(base);
      for (int i = 0; i < groups.size(); i++) {
        PodDesign.Group g = groups.get(i);
        String suffix = dnsLabel(g.main().name());
        String workload = i == 0 ? base : unique(taken, workloadKind(), limit(dnsBase + "-" + suffix));
        workloadNames.add(workload);
        serviceNames.add(unique(taken, "Service", limit(i == 0 ? dnsBase + "-" + suffix : dnsLabel(workload))));
        Map<String, Object> sel = new LinkedHashMap<>();
        for (String k : keys) {
          Object v = labels.getOrDefault(k, dnsBase);
          sel.put(k, i == 0 ? v : unique(taken, "label " + k, limit(text(v) + "-" + suffix)));
        }
        selectors.add(sel);
        notes.put(i, new ArrayList<>());
        for (ContainerView c : g.services()) {
          for (int port : verdict.listens().getOrDefault(c, Set.of())) {
            portOwner.putIfAbsent(port, i);
          }
        }
      }
      for (int i = 1; i < groups.size(); i++) {
        needsService.add(i);
      }
      noteSharedClaims();
      List<Replacement> serviceEdits = retargetExistingServices(labels);
      planRewrites();
      List<String> docs = new ArrayList<>();
      for (int i = 0; i < groups.size(); i++) {
        Optional<String> svc = needsService.contains(i) ? service(i) : Optional.empty();
        docs.add(workload(i, labels, keys));
        svc.ifPresent(docs::add);
      }
      String description = "Split " + object.kind() + " " + base + " into " + String.join(", ", workloadNames)
          + ", with a Service for each moved service";
      List<Replacement> edits = new ArrayList<>();
      Span doc = documentSpan(object.root());
      String text = YamlWriter.documents(docs);
      edits.add(new Replacement(doc, doc.end().column() == 1 ? text : text.stripTrailing()));
      edits.addAll(serviceEdits);
      return new SplitProposal(description, edits);
    }

    private String workloadKind() {
      return object.kind().equals("Pod") ? "Deployment" : object.kind();
    }

    /**
     * Services of the same file that select the pod: one whose ports all move to one new workload
     * is pointed at it (and serves as that workload's Service); one whose ports end up in several
     * workloads gets a note.
     */
    private List<Replacement> retargetExistingServices(Map<String, Object> podLabels) {
      List<Replacement> out = new ArrayList<>();
      for (SelectingService candidate : pod.fileIndex(SERVICES, SplitProposal::servicesOf).candidates(podLabels)) {
        K8sObject svc = pod.fileObjects().get(candidate.position()); // the whole Service (read again in a large file)
        if (svc.namespace() != null && object.namespace() != null && !svc.namespace().equals(object.namespace())) {
          continue;
        }
        Map<String, Object> selector = candidate.selector();
        if (!selector.entrySet().stream()
            .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(podLabels.get(e.getKey()))))) {
          continue;
        }
        Set<Integer> owners = new LinkedHashSet<>();
        for (YMap port : svc.root().mapAt("spec").map(m -> m.maps("ports")).orElse(List.of())) {
          owners.add(ownerOfTarget(port));
        }
        if (owners.size() != 1 || owners.contains(-1)) {
          notes.get(0).add("Service " + svc.name() + " selects these pods on ports that end up in several workloads "
              + "(or that podlint cannot place); split it by hand");
          continue;
        }
        int owner = owners.iterator().next();
        if (owner == 0) {
          continue; // it keeps selecting the original workload's pods
        }
        Map<String, Object> root = copyMap(svc.root());
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) root.get("spec");
        spec.put("selector", new YamlWriter.Commented(List.of("podlint advise: was " + show(selector) + "; '"
            + groups.get(owner).main().name() + "' now runs in " + workloadKind() + " " + workloadNames.get(owner)),
            selectors.get(owner)));
        Span doc = documentSpan(svc.root());
        String text = YamlWriter.document(List.of(), root);
        out.add(new Replacement(doc, doc.end().column() == 1 ? text : text.stripTrailing()));
        serviceNames.set(owner, svc.name());
        needsService.remove(owner);
        notes.get(owner).add("Service " + svc.name() + " of this file now selects these pods");
      }
      return out;
    }

    /** The group whose services serve the Service port's target (by name or number), or -1. */
    private int ownerOfTarget(YMap port) {
      YScalar target = port.scalar("targetPort").or(() -> port.scalar("port")).orElse(null);
      if (target == null) {
        return -1;
      }
      for (int i = 0; i < groups.size(); i++) {
        for (ContainerView c : groups.get(i).services()) {
          for (PortDecl d : c.ports()) {
            if (target.isString() && d.name().filter(target.value()::equals).isPresent()
                || !target.isString() && d.number() != null && target.asLong().filter(d.number()::equals).isPresent()) {
              return i;
            }
          }
        }
      }
      Optional<Long> n = target.asLong();
      return n.isPresent() && portOwner.containsKey(n.get().intValue()) ? portOwner.get(n.get().intValue()) : -1;
    }

    /** Rewrites references to ports that move to another group; notes what cannot be rewritten. */
    private void planRewrites() {
      Map<YScalar, List<Localhost.Mention>> byScalar = new IdentityHashMap<>();
      List<YScalar> scalars = new ArrayList<>(); // the keys of byScalar in the order of the references
      Map<YScalar, Set<String>> seen = new IdentityHashMap<>();
      for (Localhost.Mention m : verdict.references()) {
        if (!seen.computeIfAbsent(m.node(), k -> new java.util.HashSet<>()).add(m.start() + ":" + m.end())) {
          continue; // one aliased scalar used by several containers
        }
        Integer owner = portOwner.get(m.port());
        int from = groupOf(m.container());
        if (from < 0 || owner != null && owner == from) {
          continue;
        }
        if (owner == null) {
          continue; // no container of the pod serves it: localhost-port-unbound reports that
        }
        needsService.add(owner);
        if (!m.inObject()) {
          notes.get(from).add(m.source() + " of a ConfigMap still says " + m.text() + "; point it at "
              + serviceNames.get(owner) + ":" + m.port());
          continue;
        }
        byScalar.computeIfAbsent(m.node(), k -> {
          scalars.add(k);
          return new ArrayList<>();
        }).add(m);
      }
      for (YScalar scalar : scalars) {
        Map.Entry<YScalar, List<Localhost.Mention>> e = Map.entry(scalar, byScalar.get(scalar));
        String value = e.getKey().value();
        List<Localhost.Mention> ms = new ArrayList<>(e.getValue());
        ms.sort((a, b) -> Integer.compare(b.start(), a.start()));
        for (Localhost.Mention m : ms) {
          String svc = serviceNames.get(portOwner.get(m.port()));
          if (m.start() < 0) {
            value = svc; // REDIS_HOST=localhost next to REDIS_PORT
          } else {
            value = value.substring(0, m.start()) + svc + ":" + m.port() + value.substring(m.end());
          }
        }
        rewrites.put(e.getKey(), value);
        Localhost.Mention first = e.getValue().get(0);
        notes.get(groupOf(first.container())).add("rewritten " + first.source() + " of '" + first.container().name()
            + "': " + e.getKey().value() + " -> " + value);
      }
    }

    /** A PersistentVolumeClaim that more than one workload would mount. */
    private void noteSharedClaims() {
      Map<String, List<Integer>> users = new LinkedHashMap<>();
      for (int i = 0; i < groups.size(); i++) {
        for (String v : mountedVolumes(groups.get(i))) {
          users.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
        }
      }
      for (YMap v : pod.spec().maps("volumes")) {
        Optional<String> claim = v.mapAt("persistentVolumeClaim").flatMap(c -> c.string("claimName"));
        List<Integer> in = users.getOrDefault(v.string("name").orElse(""), List.of());
        if (claim.isPresent() && in.size() > 1) {
          for (int i : in) {
            notes.get(i).add("claim " + claim.get() + " is mounted by " + in.size() + " workloads now; a ReadWriteOnce "
                + "claim attaches to one node only, so give each workload its own claim");
          }
        }
      }
    }

    private int groupOf(ContainerView c) {
      for (int i = 0; i < groups.size(); i++) {
        if (groups.get(i).services().contains(c)) {
          return i;
        }
      }
      for (int i = 0; i < groups.size(); i++) {
        if (groups.get(i).containers(pod).contains(c)) {
          return i;
        }
      }
      return -1;
    }

    /** The selector's label keys (they get a per-group value), else an app-like label. */
    private List<String> selectorKeys(Map<String, Object> labels) {
      Optional<YMap> sel = object.root().mapAt("spec", "selector");
      Optional<YMap> match = object.kind().equals("ReplicationController") ? sel : sel.flatMap(m -> m.map("matchLabels"));
      if (match.isPresent() && !match.get().entries().isEmpty()) {
        return match.get().effectiveEntries().stream().map(e -> e.key().value()).toList();
      }
      return selectorKeysOf(labels);
    }

    private String workload(int i, Map<String, Object> labels, List<String> keys) {
      PodDesign.Group g = groups.get(i);
      Map<String, Object> podLabels = new LinkedHashMap<>(labels);
      podLabels.putAll(selectors.get(i));
      Map<String, Object> template = new LinkedHashMap<>();
      Map<String, Object> templateMeta = pod.template() == object.root() || pod.template().map("metadata").isEmpty()
          ? new LinkedHashMap<>() : copyMap(pod.template().map("metadata").get());
      if (object.kind().equals("Pod")) {
        templateMeta = new LinkedHashMap<>();
        Object annotations = copyMap(object.root().mapAt("metadata").flatMap(m -> m.map("annotations")).orElse(null));
        if (!((Map<?, ?>) annotations).isEmpty()) {
          templateMeta.put("annotations", annotations);
        }
      }
      templateMeta.put("labels", podLabels);
      template.put("metadata", templateMeta);
      template.put("spec", podSpec(g));

      Map<String, Object> root = new LinkedHashMap<>();
      Map<String, Object> meta = copyMap(object.root().map("metadata").orElse(null));
      meta.put("name", workloadNames.get(i));
      for (String k : List.of("uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink",
          "ownerReferences")) {
        meta.remove(k); // set by the cluster, not by whoever writes the manifest
      }
      if (meta.get("labels") instanceof Map<?, ?> l && i > 0) {
        @SuppressWarnings("unchecked")
        Map<String, Object> ml = new LinkedHashMap<>((Map<String, Object>) l);
        for (String k : keys) {
          if (ml.containsKey(k)) {
            ml.put(k, selectors.get(i).get(k));
          }
        }
        meta.put("labels", ml);
      }
      if (object.kind().equals("Pod")) {
        meta.remove("ownerReferences");
        root.put("apiVersion", "apps/v1");
        root.put("kind", "Deployment");
        root.put("metadata", meta);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("replicas", 1);
        spec.put("selector", Map.of("matchLabels", selectors.get(i)));
        spec.put("template", template);
        root.put("spec", spec);
      } else {
        root.put("apiVersion", object.apiVersion());
        root.put("kind", object.kind());
        root.put("metadata", meta);
        root.put("spec", controllerSpec(object.root().map("spec").orElse(null), template, i, g));
      }
      if (g.dataService() && root.get("spec") instanceof Map<?, ?> spec && spec.get("replicas") instanceof YScalar r
          && r.asLong().orElse(1L) > 1 && Set.of("Deployment", "ReplicaSet", "ReplicationController").contains(object.kind())) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) spec;
        m.put("replicas", new YamlWriter.Commented(List.of("was " + r.value() + ": each replica of '" + g.main().name()
            + "' would hold its own copy of the data; scale it with its own clustering (a StatefulSet or an operator)"), 1));
      }
      return YamlWriter.document(header(i), root);
    }

    /** The controller's spec with the new selector, template and (StatefulSet) service name. */
    private Map<String, Object> controllerSpec(YMap spec, Map<String, Object> template, int i, PodDesign.Group g) {
      Map<String, Object> out = copyMap(spec);
      if (object.kind().equals("CronJob")) {
        Map<String, Object> jobTemplate = copyMap(spec.mapAt("jobTemplate").orElse(null));
        Map<String, Object> jobSpec = copyMap(spec.mapAt("jobTemplate", "spec").orElse(null));
        jobSpec.put("template", template);
        jobTemplate.put("spec", jobSpec);
        out.put("jobTemplate", jobTemplate);
        return out;
      }
      out.put("template", template);
      if (spec.get("selector").isPresent() && i > 0) {
        // the original keeps its (immutable) selector; a new workload selects its own label values
        out.put("selector", object.kind().equals("ReplicationController") ? selectors.get(i)
            : Map.of("matchLabels", selectors.get(i)));
      }
      if (object.kind().equals("StatefulSet")) {
        if (i > 0 && spec.get("serviceName").isPresent()) {
          out.put("serviceName", serviceNames.get(i));
        }
        Set<String> mounts = mountedVolumes(g);
        spec.seq("volumeClaimTemplates").ifPresent(vct -> {
          List<Object> kept = new ArrayList<>();
          for (YNode n : vct.items()) {
            if (n instanceof YMap m && m.mapAt("metadata").flatMap(x -> x.string("name")).filter(mounts::contains).isPresent()) {
              kept.add(copy(n));
            }
          }
          if (kept.isEmpty()) {
            out.remove("volumeClaimTemplates");
          } else {
            out.put("volumeClaimTemplates", kept);
          }
        });
      }
      return out;
    }

    private Set<String> mountedVolumes(PodDesign.Group g) {
      Set<String> out = new LinkedHashSet<>();
      for (ContainerView c : g.containers(pod)) {
        for (YMap m : c.node().maps("volumeMounts")) {
          m.string("name").ifPresent(out::add);
        }
        for (YMap d : c.node().maps("volumeDevices")) {
          d.string("name").ifPresent(out::add);
        }
      }
      return out;
    }

    /** The pod spec with only the group's containers and the volumes they use. */
    private Map<String, Object> podSpec(PodDesign.Group g) {
      List<ContainerView> members = g.containers(pod);
      Map<String, Object> spec = copyMap(pod.spec());
      if (object.kind().equals("Pod")) {
        spec.remove("nodeName"); // a Deployment's replicas are scheduled, not pinned to one node
        spec.remove("restartPolicy"); // a Deployment's pods always restart
      }
      List<Object> init = new ArrayList<>();
      List<Object> regular = new ArrayList<>();
      for (ContainerView c : members) {
        (c.role() == dev.podlint.model.ContainerRole.REGULAR ? regular : init).add(copy(c.node()));
      }
      if (init.isEmpty()) {
        spec.remove("initContainers");
      } else {
        spec.put("initContainers", init);
      }
      spec.put("containers", regular);
      Set<String> mounts = mountedVolumes(g);
      pod.spec().seq("volumes").ifPresent(vs -> {
        List<Object> kept = new ArrayList<>();
        for (YNode n : vs.items()) {
          if (n instanceof YMap m && m.string("name").filter(mounts::contains).isPresent()) {
            kept.add(copy(n));
          }
        }
        if (kept.isEmpty()) {
          spec.remove("volumes");
        } else {
          spec.put("volumes", kept);
        }
      });
      return spec;
    }

    private Optional<String> service(int i) {
      List<Object> ports = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (ContainerView c : groups.get(i).services()) {
        for (PortDecl p : c.ports()) {
          if (p.number() == null || !seen.add(p.number() + "/" + p.protocol())) {
            continue;
          }
          Map<String, Object> port = new LinkedHashMap<>();
          port.put("name", p.name().orElse(p.protocol().toLowerCase(Locale.ROOT) + "-" + p.number()));
          port.put("port", p.number());
          port.put("targetPort", p.number());
          if (!p.protocol().equals("TCP")) {
            port.put("protocol", p.protocol());
          }
          ports.add(port);
        }
      }
      if (ports.isEmpty()) {
        for (ContainerView c : groups.get(i).services()) {
          for (int n : verdict.listens().getOrDefault(c, Set.of())) {
            if (seen.add(n + "/TCP")) {
              Map<String, Object> port = new LinkedHashMap<>();
              port.put("name", "tcp-" + n);
              port.put("port", n);
              port.put("targetPort", n);
              ports.add(port);
              notes.get(i).add("'" + c.name() + "' listens on " + n + " without declaring it; declare it in its ports");
            }
          }
        }
      }
      if (ports.isEmpty()) {
        notes.get(i).add("'" + groups.get(i).main().name() + "' declares no port, so no Service is proposed for it; "
            + "declare the port it serves and add one");
        return Optional.empty();
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("name", serviceNames.get(i));
      if (object.namespace() != null) {
        meta.put("namespace", object.namespace());
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      if (object.kind().equals("StatefulSet")) {
        spec.put("clusterIP", new YamlWriter.Commented(
            List.of("headless: the governing Service of StatefulSet " + workloadNames.get(i)), "None"));
      }
      if (object.kind().equals("DaemonSet")) {
        spec.put("internalTrafficPolicy", new YamlWriter.Commented(
            List.of("a DaemonSet's clients usually want the instance on their own node"), "Local"));
      }
      spec.put("selector", selectors.get(i));
      spec.put("ports", ports);
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("apiVersion", "v1");
      root.put("kind", "Service");
      root.put("metadata", meta);
      root.put("spec", spec);
      return Optional.of(YamlWriter.document(List.of(
          "podlint advise: Service " + serviceNames.get(i) + " in front of '" + groups.get(i).main().name()
              + "', so other workloads reach it by name instead of localhost"), root));
    }

    private List<String> header(int i) {
      PodDesign.Group g = groups.get(i);
      List<String> h = new ArrayList<>();
      h.add("podlint advise (unrelated-services-in-pod): " + (i == 0 ? "" : "split from ") + object.kind() + " "
          + base + " at " + object.file().displayName() + ":" + object.root().span().start().line()
          + (i == 0 ? object.kind().equals("Pod") ? ", now a Deployment of that name" : ", keeping its name and selector"
              : ""));
      if (object.kind().equals("Pod")) {
        h.add("a bare Pod becomes a Deployment, so a controller replaces it when it dies");
        if (pod.restartPolicy().filter(r -> !r.equals("Always")).isPresent()) {
          h.add("restartPolicy " + pod.restartPolicy().get() + " is dropped: a Deployment's pods always restart");
        }
      }
      for (ContainerView c : g.services()) {
        String why = verdict.why().getOrDefault(c, "");
        h.add("'" + c.name() + "'" + (why.isEmpty() ? "" : ": " + why));
      }
      for (PodDesign.Member m : g.companions()) {
        h.add("'" + m.container().name() + "' goes with it: " + m.why());
      }
      if (i > 0) {
        h.add("its selector " + show(selectors.get(i)) + " keeps it apart from " + workloadNames.get(0) + "'s pods");
        if (object.kind().equals("StatefulSet") && object.root().mapAt("spec").map(m -> m.seq("volumeClaimTemplates").isPresent()).orElse(false)
            && !mountedVolumes(g).isEmpty()) {
          h.add("a StatefulSet's claims are named after it: data in claims of " + base + " stays there");
        }
      }
      for (String n : notes.get(i)) {
        h.add(n);
      }
      return h;
    }

    // ---- copying model nodes into writer values

    private Map<String, Object> copyMap(YMap m) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (m != null) {
        for (YMap.Entry e : m.effectiveEntries()) {
          out.put(e.key().value(), copy(e.value()));
        }
      }
      return out;
    }

    private Object copy(YNode n) {
      if (n instanceof YMap m) {
        return copyMap(m);
      }
      if (n instanceof YSeq s) {
        List<Object> out = new ArrayList<>();
        s.items().forEach(i -> out.add(copy(i)));
        return out;
      }
      YScalar s = (YScalar) n;
      String r = rewrites.get(s);
      return r != null ? r : s;
    }
  }

  private static Map<String, Object> scalars(YMap m) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (m != null) {
      for (YMap.Entry e : m.effectiveEntries()) {
        if (e.value() instanceof YScalar s && !s.isNull()) {
          out.put(e.key().value(), s.value());
        }
      }
    }
    return out;
  }

  /** The label keys that tell the workloads apart: the selector's, else app-like labels. */
  private static List<String> selectorKeysOf(Map<String, Object> labels) {
    for (String k : List.of("app.kubernetes.io/name", "app", "name", "k8s-app")) {
      if (labels.containsKey(k)) {
        return List.of(k);
      }
    }
    return List.of("app");
  }

  private static String text(Object v) {
    return v instanceof YScalar s ? s.value() : String.valueOf(v);
  }

  /**
   * The groups in proposal order: the first keeps the original object. For a StatefulSet that is
   * the group that mounts its volumeClaimTemplates, so the data stays where it is; for other kinds
   * the first group that is not a data service.
   */
  static List<PodDesign.Group> ordered(PodView pod, List<PodDesign.Group> groups) {
    if (!pod.object().kind().equals("StatefulSet")) {
      // the application keeps the workload's identity; a data service moves out
      for (int i = 0; i < groups.size(); i++) {
        if (!groups.get(i).dataService()) {
          List<PodDesign.Group> out = new ArrayList<>(groups);
          out.add(0, out.remove(i));
          return out;
        }
      }
      return groups;
    }
    Set<String> claims = new LinkedHashSet<>();
    pod.object().root().mapAt("spec").map(m -> m.maps("volumeClaimTemplates")).orElse(List.of())
        .forEach(t -> t.mapAt("metadata").flatMap(m -> m.string("name")).ifPresent(claims::add));
    for (int i = 1; i < groups.size(); i++) {
      boolean owns = groups.get(i).containers(pod).stream().flatMap(c -> c.node().maps("volumeMounts").stream())
          .anyMatch(m -> m.string("name").filter(claims::contains).isPresent());
      if (owns) {
        List<PodDesign.Group> out = new ArrayList<>(groups);
        out.add(0, out.remove(i));
        return out;
      }
    }
    return groups;
  }

  /** The region of an object's document to replace: from its first key to the end of its last value. */
  static Span documentSpan(YMap root) {
    YNode last = root;
    while (true) {
      if (last instanceof YMap m && !m.entries().isEmpty()) {
        YMap.Entry e = m.entries().get(m.entries().size() - 1);
        last = e.value() instanceof YScalar v && v.isNull() && v.span().start().compareTo(e.key().span().end()) <= 0
            ? e.key() : e.value();
      } else if (last instanceof YSeq q && !q.items().isEmpty()) {
        last = q.items().get(q.size() - 1);
      } else {
        break;
      }
    }
    dev.podlint.model.Position end = last.span().end();
    if (end.compareTo(root.span().end()) > 0) {
      end = root.span().end();
    }
    return new Span(root.span().start(), end);
  }

  /** {@code app=shop, tier=web}. */
  static String show(Map<String, Object> selector) {
    List<String> parts = new ArrayList<>();
    selector.forEach((k, v) -> parts.add(k + "=" + text(v)));
    return String.join(", ", parts);
  }

  /** At most 63 characters (a DNS label, a label value), keeping it unique with a short hash. */
  static String limit(String s) {
    if (s.length() <= 63) {
      return s;
    }
    String hash = Integer.toHexString(s.hashCode() & 0xfffff);
    return s.substring(0, 62 - hash.length()).replaceAll("[-_.]+$", "") + "-" + hash;
  }

  /**
   * The names a proposal must not reuse: {@code Kind/name} of every other object of the file (from
   * the file's index), plus what the proposal has taken so far.
   */
  private static final class Names {
    private final Map<String, Integer> inFile;
    private final String own;
    private final Set<String> added = new java.util.HashSet<>();

    Names(PodView pod, K8sObject object) {
      this.inFile = pod.fileIndex(NAMES, SplitProposal::namesOf);
      this.own = object.name() == null ? null : object.kind() + "/" + object.name();
    }

    boolean contains(String kindAndName) {
      if (added.contains(kindAndName)) {
        return true;
      }
      int n = inFile.getOrDefault(kindAndName, 0);
      return kindAndName.equals(own) ? n > 1 : n > 0;
    }

    void add(String kindAndName) {
      added.add(kindAndName);
    }
  }

  private static final Object NAMES = new Object();
  private static final Object SERVICES = new Object();

  /** How many objects of the file have each {@code Kind/name}. */
  private static Map<String, Integer> namesOf(List<K8sObject> objects) {
    Map<String, Integer> out = new java.util.HashMap<>();
    for (K8sObject o : FileObjects.handles(objects)) {
      if (o.name() != null) {
        out.merge(o.kind() + "/" + o.name(), 1, Integer::sum);
      }
    }
    return out;
  }

  /**
   * A Service of the file (a whole document) with a non-empty selector: the file's object at
   * {@code position} (read again, in a large file, when it is needed).
   */
  private record SelectingService(int position, Map<String, Object> selector) {}

  /**
   * The file's Services with a selector, indexed by one {@code key=value} of their selector, so
   * that the Services that may select a pod are found from its labels.
   */
  private record ServiceIndex(Map<String, List<SelectingService>> byLabel, List<SelectingService> always) {
    /** The Services that may select pods with {@code labels}, in file order. */
    java.util.Collection<SelectingService> candidates(Map<String, Object> labels) {
      Map<Integer, SelectingService> out = new java.util.TreeMap<>();
      always.forEach(s -> out.put(s.position(), s));
      labels.forEach((k, v) -> byLabel.getOrDefault(k + "\u0000" + text(v), List.of())
          .forEach(s -> out.put(s.position(), s)));
      return out.values();
    }
  }

  private static ServiceIndex servicesOf(List<K8sObject> objects) {
    Map<String, List<SelectingService>> byLabel = new java.util.HashMap<>();
    List<SelectingService> always = new ArrayList<>();
    List<K8sObject> handles = FileObjects.handles(objects); // only the Services are read again in a large file
    for (int i = 0; i < handles.size(); i++) {
      K8sObject svc = handles.get(i);
      if (!svc.kind().equals("Service") || !svc.root().path().isRoot()) {
        continue;
      }
      Map<String, Object> selector = scalars(objects.get(i).root().mapAt("spec", "selector").orElse(null));
      if (selector.isEmpty()) {
        continue;
      }
      SelectingService s = new SelectingService(i, selector);
      // a selector value "null" also matches pods without that label (they are compared as text)
      Optional<Map.Entry<String, Object>> key = selector.entrySet().stream()
          .filter(e -> !String.valueOf(e.getValue()).equals("null")).findFirst();
      if (key.isPresent()) {
        byLabel.computeIfAbsent(key.get().getKey() + "\u0000" + text(key.get().getValue()), k -> new ArrayList<>()).add(s);
      } else {
        always.add(s);
      }
    }
    return new ServiceIndex(byLabel, always);
  }

  /** {@code name}, or {@code name-2}, {@code name-3}... when the file or proposal already has it. */
  private static String unique(Names taken, String kind, String name) {
    String candidate = name;
    for (int n = 2; taken.contains(kind + "/" + candidate); n++) {
      candidate = limit(name + "-" + n);
    }
    taken.add(kind + "/" + candidate);
    return candidate;
  }

  /** Whether {@code s} is non-empty a-z0-9- that neither starts nor ends with '-'. */
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

  /** A container name as a DNS label (lower case, a-z0-9-). */
  static String dnsLabel(String s) {
    if (isDnsLabel(s)) {
      return s; // the common case, without two regular expressions
    }
    String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    return out.isEmpty() ? "part" : out;
  }
}
