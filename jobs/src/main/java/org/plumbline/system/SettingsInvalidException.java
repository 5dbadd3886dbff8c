package org.plumbline.system;

/** A setting in config/application.yml is wrong; the message names the key and what it must be. */
public final class SettingsInvalidException extends IllegalArgumentException {
  public SettingsInvalidException(String message) {
    super(message);
  }
}
