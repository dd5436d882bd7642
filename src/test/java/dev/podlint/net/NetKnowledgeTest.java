package dev.podlint.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.load.ManifestLoader;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YNode;
import dev.podlint.rule.RuleCatalog;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The image and injected ports the networking model knows, read from the rule's parameters. */
class NetKnowledgeTest {
  static YNode parse(String text) {
    var loaded = new ManifestLoader().loadText(new SourceFile("p.yaml", null),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\nvalue: " + text + "\n");
    return loaded.objects().get(0).root().get("value").orElseThrow();
  }

  @Test
  void theDefaultsKnowCommonImagesByRepositoryAndTag() {
    NetKnowledge k = NetKnowledge.of(RuleCatalog.builtin().get(NetKnowledge.RULE));
    assertEquals(List.of(new NetKnowledge.PortSpec(6379, "TCP")), k.defaults("docker.io/library/redis:7.4@sha256:ab"));
    assertEquals(List.of(new NetKnowledge.PortSpec(9000, "TCP")), k.defaults("php:8.3-fpm-alpine"));
    assertEquals(List.of(new NetKnowledge.PortSpec(80, "TCP")), k.defaults("php:8.3-apache"));
    assertEquals(List.of(), k.defaults("php:8.3-cli"), "the CLI image serves nothing");
    assertEquals(List.of(new NetKnowledge.PortSpec(5672, "TCP"), new NetKnowledge.PortSpec(15672, "TCP")),
        k.defaults("rabbitmq:3-management"), "every matching entry adds its ports");
    assertEquals(List.of(), k.defaults("registry.example.com/shop/redis-client:1"), "whole repository names only");
    assertTrue(k.injected().contains(15021));
    assertSame(k, NetKnowledge.of(RuleCatalog.builtin().get(NetKnowledge.RULE)), "one knowledge per parameters");
  }

  @Test
  void portsCarryTheirProtocolAndBadEntriesAreRefused() {
    NetKnowledge k = NetKnowledge.of(new NetKnowledge.Params(
        List.of(NetKnowledge.ImagePorts.fromParam(parse("{image: 'dns$', ports: [53, '53/udp', 9153]}"))),
        List.of(15020L, 0L, 70000L)));
    assertEquals(List.of(new NetKnowledge.PortSpec(53, "TCP"), new NetKnowledge.PortSpec(53, "UDP"),
        new NetKnowledge.PortSpec(9153, "TCP")), k.defaults("coredns/dns:1"));
    assertEquals(Set.of(15020), k.injected(), "only port numbers");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NetKnowledge.ImagePorts.fromParam(parse("{image: x, ports: ['70000']}")));
    assertTrue(e.getMessage().contains("is not a port"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> NetKnowledge.ImagePorts.fromParam(parse("{image: '(', ports: [1]}")));
    assertEquals(List.of(), NetKnowledge.of(name -> {
      throw new IllegalArgumentException("unknown rule '" + name + "'");
    }).defaults("redis:7"), "a catalog without the rule knows nothing");
  }
}
