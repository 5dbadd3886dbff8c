package org.plumbline.system;

import java.io.IOException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.Environment;

/**
 * Where a setting was made, so that a problem with it names the file and line, like the
 * governance model's problems do: "/srv/plumbline/config/application.yml:42".
 */
public final class SettingOrigin {

  private SettingOrigin() {}

  /** The file and line of {@code key}, or where else it was set (a command-line argument). */
  public static String of(Environment environment, String key) {
    Origin origin = origin(environment, key);
    // Spring wraps the file's origin (PropertySourceOrigin); the file and line are inside.
    for (Origin o = origin; o != null; o = o instanceof PropertySourceOrigin wrapped ? wrapped.getOrigin() : o.getParent()) {
      if (o instanceof TextResourceOrigin) {
        origin = o;
        break;
      }
    }
    if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
      String file;
      try {
        file = text.getResource().isFile() ? text.getResource().getFile().getPath() : text.getResource().getDescription();
      } catch (IOException e) {
        file = text.getResource().getDescription();
      }
      return text.getLocation() == null ? file : file + ":" + (text.getLocation().getLine() + 1);
    }
    return origin == null ? "config/application.yml" : String.valueOf(origin);
  }

  private static Origin origin(Environment environment, String key) {
    ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      ConfigurationProperty property = source.getConfigurationProperty(name);
      if (property != null && property.getOrigin() != null) {
        return property.getOrigin();
      }
    }
    // A list or a whole section has no value of its own: its first entry's line is as good.
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source instanceof IterableConfigurationPropertySource iterable) {
        for (ConfigurationPropertyName candidate : iterable) {
          if (name.isAncestorOf(candidate)) {
            ConfigurationProperty property = source.getConfigurationProperty(candidate);
            if (property != null && property.getOrigin() != null) {
              return property.getOrigin();
            }
          }
        }
      }
    }
    return null;
  }
}
