package dev.podlint.net;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Reads a configuration file (the value of a ConfigMap key a container mounts) for the ports it
 * makes the container listen on ({@link NginxConf}, {@link HaproxyConf}, {@link RedisConf},
 * {@link EnvoyConf}, {@link KeyValueConf}) and the ports of the pod it connects to (every
 * {@code localhost:PORT} outside comments and outside the listen settings themselves).
 */
final class ConfigText {
  private ConfigText() {}

  static void read(String text, TextFacts out) {
    List<int[]> listening = new ArrayList<>();
    TextFacts collect = new TextFacts() {
      @Override
      public void listen(int start, int end, int port, boolean primary) {
        for (int[] r : listening) {
          if (r[0] == start && r[1] == end) {
            return; // two formats read the same setting
          }
        }
        listening.add(new int[] {start, end});
        out.listen(start, end, port, primary);
      }

      @Override
      public void connect(int start, int end, int port) {
        out.connect(start, end, port);
      }
    };
    NginxConf.read(text, collect);
    HaproxyConf.read(text, collect);
    RedisConf.read(text, collect);
    EnvoyConf.read(text, collect);
    KeyValueConf.read(text, collect);
    Lines.each(text, (offset, line) -> {
      Matcher m = Addresses.LOOPBACK_PORT.matcher(line);
      while (m.find()) {
        int start = offset + m.start();
        int end = offset + m.end();
        if (listening.stream().noneMatch(r -> r[0] < end && start < r[1])) {
          out.connect(start, end, Integer.parseInt(m.group(2)));
        }
      }
    });
  }
}
