package org.plumbline.governance;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.plumbline.governance.GovernanceFiles.GovernanceFile;

/**
 * The config version: hex SHA-256 over each governance file's name and bytes, in name order.
 *
 * <p>It hashes the files, not the parsed model, because the version identifies the exact files
 * a run used: anyone holding a version can find those bytes (in version control, in a backup)
 * and see precisely what the run was told. So an edited comment is a new version too; hashing
 * the parsed model would give two different files the same version and hide the edit.
 */
final class ConfigVersion {

  private ConfigVersion() {}

  static String of(List<GovernanceFile> files) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256.", e);
    }
    for (GovernanceFile file : files) {
      byte[] name = file.name().getBytes(StandardCharsets.UTF_8);
      // Lengths frame each part, so bytes moved from one file into the next name cannot collide.
      sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
      sha256.update(name);
      sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(file.bytes().length).array());
      sha256.update(file.bytes());
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
