package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule's params filled into the record its check declares. */
class RuleParamsTest {
  record Replicas(long minReplicas) {}

  record Wrong(long minimum) {}

  record Store(String name, List<String> dataDirs, List<String> dataDirEnv, String dataDirArg) {}

  record Stores(List<Store> dataStores) {}

  @Test
  void valuesAreFilledOncePerSetOfParameters() {
    RuleDefinition rule = TestSupport.catalog().get("too-few-replicas");
    Replicas p = RuleParams.of(rule, Replicas.class);
    assertEquals(2, p.minReplicas());
    assertSame(p, RuleParams.of(rule, Replicas.class), "filled once");
    YNode five = new YScalar("5", YScalar.Type.INT, false, false, null, null);
    assertEquals(5, RuleParams.of(rule.withParams(Map.of("minReplicas", five)), Replicas.class).minReplicas());
  }

  @Test
  void nestedEntriesAreRecordsAndMissingKeysAreEmpty() {
    Stores s = RuleParams.of(TestSupport.catalog().get("ephemeral-data-volume"), Stores.class);
    Store pg = s.dataStores().get(0);
    assertEquals("PostgreSQL", pg.name());
    assertTrue(pg.dataDirs().contains("/var/lib/postgresql/data"), pg.toString());
    assertEquals(List.of("PGDATA"), pg.dataDirEnv());
    Store mysql = s.dataStores().get(1);
    assertEquals(List.of(), mysql.dataDirEnv(), "a list the entry leaves out is empty");
    assertEquals(null, mysql.dataDirArg());
  }

  @Test
  void aRecordThatDoesNotMatchTheParamsSchemaIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RuleParams.of(TestSupport.catalog().get("too-few-replicas"), Wrong.class));
    assertTrue(e.getMessage().contains("[minReplicas]") && e.getMessage().contains("[minimum]"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> RuleParams.of(TestSupport.catalog().get("naked-pod"),
        Replicas.class), "a rule without params");
  }
}
