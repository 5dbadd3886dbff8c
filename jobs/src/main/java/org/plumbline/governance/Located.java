package org.plumbline.governance;

/** A value read from the governance files, with the block it came from for later problems. */
record Located<T>(T value, Block block) {}
