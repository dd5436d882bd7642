package dev.podlint.load;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** How snakeyaml-engine is set up to read manifests: the loader's limits stay on in every use. */
final class Settings {
  /** Aliases of collections one document may hold (snakeyaml-engine counts them while composing). */
  static final int MAX_COLLECTION_ALIASES = 50;

  /** Composing documents: YAML 1.2 Core schema, with marks; the converter reports duplicate and non-scalar keys. */
  static final LoadSettings MANIFESTS = LoadSettings.builder()
      .setSchema(new CoreSchema())
      .setAllowDuplicateKeys(true)
      .setAllowNonScalarKeys(true) // the converter reports them, with their position
      .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
      .setCodePointLimit(ManifestLoader.CODE_POINT_LIMIT)
      .setUseMarks(true)
      .build();

  /** Scanning comments. */
  static final LoadSettings COMMENTS = LoadSettings.builder()
      .setParseComments(true)
      .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
      .setCodePointLimit(ManifestLoader.CODE_POINT_LIMIT)
      .setUseMarks(true)
      .build();

  /** Reading parser events for positions the composer does not give. */
  static final LoadSettings EVENTS = LoadSettings.builder()
      .setUseMarks(true)
      .setCodePointLimit(ManifestLoader.CODE_POINT_LIMIT)
      .build();

  private Settings() {}
}
