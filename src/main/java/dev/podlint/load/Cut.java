package dev.podlint.load;

/**
 * Where a pre-scan stops reading a text: the start of the document with the problem (the
 * documents before it are still read) and the problem, reported when reading meets no other.
 */
record Cut(int at, SyntaxError error) {}
