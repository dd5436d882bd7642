package dev.podlint.net;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files that set the server's port with a bare {@code port} line: redis.conf and sentinel.conf
 * ({@code port 6379}), postgresql.conf, my.cnf and other INI files ({@code port = 5432}); and
 * Redis' own connections to the pod: {@code sentinel monitor NAME 127.0.0.1 6379 2},
 * {@code replicaof localhost 6379}.
 */
final class RedisConf {
  private RedisConf() {}

  private static final Pattern PORT = Pattern.compile("^\\s*port(?:\\s+|\\s*=\\s*)[\"']?(\\d{1,5})[\"']?\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TO_HOST = Pattern.compile(
      "^\\s*(?:sentinel\\s+monitor\\s+\\S+|replicaof|slaveof)\\s+(localhost|127\\.0\\.0\\.1|::1)\\s+(\\d{1,5})\\b",
      Pattern.CASE_INSENSITIVE);

  static void read(String text, TextFacts out) {
    Lines.each(text, (offset, line) -> {
      Matcher m = PORT.matcher(line);
      if (m.find()) {
        out.listen(offset + m.start(1), offset + m.end(1), Integer.parseInt(m.group(1)), true);
      }
      Matcher c = TO_HOST.matcher(line);
      if (c.find()) {
        out.connect(offset + c.start(1), offset + c.end(2), Integer.parseInt(c.group(2)));
      }
    });
  }
}
