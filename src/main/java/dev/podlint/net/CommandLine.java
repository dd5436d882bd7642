package dev.podlint.net;

import dev.podlint.model.ContainerView;
import dev.podlint.model.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a container's {@code command} and {@code args} (one command line, as the runtime joins
 * them) for the ports it listens on and those it connects to: flags such as {@code --port 8080},
 * {@code --listen=:9090}, {@code -p 11211}, {@code --upstream=http://127.0.0.1:8080/}, addresses
 * such as {@code 0.0.0.0:8000} or {@code localhost:5432}, and the same inside a shell script
 * ({@code sh -c "... exec app --port $PORT"}). {@code $(VAR)}, {@code $VAR} and {@code ${VAR}} are
 * read with the container's literal env values.
 */
final class CommandLine {
  private CommandLine() {}

  private static final Pattern FLAG = Pattern.compile("^--?([A-Za-z][\\w.-]*)(?:=(.*))?$", Pattern.DOTALL);
  private static final Pattern LISTEN_FLAG = Pattern.compile("listen|bind", Pattern.CASE_INSENSITIVE);
  private static final Pattern PORT_FLAG = Pattern.compile("(^|[._-])port$|^p$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADDRESS_FLAG = Pattern.compile("(^|[._-])addr(ess)?$", Pattern.CASE_INSENSITIVE);
  /** A flag named after a protocol or a service, whose number value is a port to serve: {@code --tcp 19090}. */
  private static final Pattern SERVICE_FLAG = Pattern.compile(
      "^(tcp|udp|http|https|h2c?|grpcs?|wss?|tls|metrics|admin|health|healthz|status|web|api|server|service)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern VALUE_LETTERS = Pattern.compile("^[pPhHlb]$");
  private static final Pattern HOST_FLAG = Pattern.compile("^(h|host|hostname)$", Pattern.CASE_INSENSITIVE);
  /** Flags that name an address for others to use, not one to listen on or to reach. */
  private static final Pattern ADVERTISED = Pattern.compile("advertis|public|external|announce", Pattern.CASE_INSENSITIVE);
  /** {@code $(VAR)}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code $VAR} as a whole value. */
  private static final Pattern VARIABLE = Pattern.compile(
      "^\\$(?:\\((\\w+)\\)|\\{(\\w+)(?::?-(\\d{1,5}))?\\}|(\\w+))$");
  /** Programs whose port flags and host/port arguments name a server to reach. */
  private static final Set<String> CLIENTS = Set.of("redis-cli", "psql", "pg_isready", "mysql", "mysqladmin",
      "mongo", "mongosh", "nc", "ncat", "netcat", "curl", "wget", "grpc_health_probe", "telnet", "wait-for-it",
      "wait-for-it.sh", "wait-for", "dockerize", "cqlsh", "kafkacat", "kcat", "nats", "rabbitmqadmin");
  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");
  /** Words a shell command may start with before its program. */
  private static final Set<String> PREFIXES = Set.of("exec", "nohup", "env", "time", "!", "until", "while", "if",
      "do", "then", "else", "elif", "sudo", "su-exec", "gosu", "tini", "dumb-init", "--");
  /** A word of a shell script (a {@code $(VAR)} inside it is the runtime's, expanded before the shell runs), or a separator. */
  private static final Pattern SCRIPT_WORD = Pattern.compile(
      "\"[^\"]*\"|'[^']*'|(?:\\$\\(\\w+\\)|[^\\s;&|()<>\"'])+|[;&|()\\n]");
  private static final Pattern ASSIGNMENT = Pattern.compile("^\\w+=.*", Pattern.DOTALL);
  private static final Pattern SHELL_FLAGS = Pattern.compile("^-[a-z]*c[a-z]*$");

  /** A word of the command line and where it is. */
  private record Word(Origin origin, int start, String text) {
    int end() {
      return start + text.length();
    }
  }

  static void read(ContainerView c, SourceFile file, Map<String, String> env, Facts out) {
    List<Word> words = new ArrayList<>();
    c.commandAndArgs((key, s) -> words.add(new Word(new Origin(file, s, key, Evidence.ARGUMENT), 0, s.value())));
    // without a command, the image's entrypoint runs the args: the first word is not the program
    boolean programKnown = c.node().seq("command").isPresent();
    boolean shell = programKnown && !words.isEmpty() && SHELLS.contains(basename(words.get(0).text()));
    List<Word> simple = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      if (shell && i > 0 && SHELL_FLAGS.matcher(words.get(i - 1).text()).matches()) {
        script(w, env, out);
        continue;
      }
      simple.add(w);
    }
    simpleCommand(simple, programKnown, env, out);
  }

  /** The simple commands of a shell script, each read like a command line. */
  private static void script(Word w, Map<String, String> env, Facts out) {
    List<Word> command = new ArrayList<>();
    Matcher m = SCRIPT_WORD.matcher(w.text());
    while (m.find()) {
      String t = m.group();
      if (t.length() == 1 && ";&|()\n".contains(t)) {
        simpleCommand(command, true, env, out);
        command = new ArrayList<>();
        continue;
      }
      boolean quoted = t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'');
      String text = quoted ? t.substring(1, t.length() - 1) : t;
      command.add(new Word(w.origin(), w.start() + m.start() + (quoted ? 1 : 0), text));
    }
    simpleCommand(command, true, env, out);
  }

  private static String basename(String program) {
    int slash = program.lastIndexOf('/');
    return slash < 0 ? program : program.substring(slash + 1);
  }

  /** One program and its arguments ({@code programKnown}: the first word is the program). */
  private static void simpleCommand(List<Word> words, boolean programKnown, Map<String, String> env, Facts out) {
    int first = 0;
    while (programKnown && first < words.size() && (PREFIXES.contains(words.get(first).text())
        || ASSIGNMENT.matcher(words.get(first).text()).matches())) {
      first++;
    }
    if (first >= words.size()) {
      return;
    }
    boolean client = programKnown && CLIENTS.contains(basename(words.get(first).text()));
    int from = programKnown ? first + 1 : first;
    Word host = client ? loopbackHost(words, from) : null;
    String pending = null;
    Word previous = null;
    for (int i = from; i < words.size(); i++) {
      Word w = words.get(i);
      Matcher f = FLAG.matcher(w.text());
      if (f.matches()) {
        String flag = w.text().startsWith("--") ? "--" + f.group(1) : "-" + f.group(1);
        if (f.group(2) == null) {
          // a short flag takes a value only when it names a port or host (-p 6379, -h localhost); -fs and
          // -z are switches, -port and --port take one
          pending = flag.startsWith("--") || f.group(1).length() > 3 || VALUE_LETTERS.matcher(f.group(1)).matches()
              ? flag : null;
        } else {
          flagValue(flag, w, f.start(2), client, host, env, out);
          pending = null;
        }
        previous = null;
        continue;
      }
      if (pending != null) {
        flagValue(pending, w, 0, client, host, env, out);
      } else {
        positional(w, previous, client, out);
        previous = w;
      }
      pending = null;
    }
  }

  /** The loopback value of a client's {@code -h}/{@code --host} flag (the part of a word), or null. */
  private static Word loopbackHost(List<Word> words, int from) {
    for (int i = from; i < words.size(); i++) {
      Matcher f = FLAG.matcher(words.get(i).text());
      if (!f.matches() || !HOST_FLAG.matcher(f.group(1)).matches()) {
        continue;
      }
      Word value = f.group(2) != null
          ? new Word(words.get(i).origin(), words.get(i).start() + f.start(2), f.group(2))
          : i + 1 < words.size() ? words.get(i + 1) : null;
      if (value != null && Addresses.isLoopback(value.text())) {
        return value;
      }
    }
    return null;
  }

  /** {@code flag} as written, with its dashes ({@code --port}, {@code -p}). */
  private static void flagValue(String written, Word w, int from, boolean client, Word host,
      Map<String, String> env, Facts out) {
    Origin o = w.origin().as(w.origin().source() + " " + written);
    String flag = written.substring(written.startsWith("--") ? 2 : 1);
    if (ADVERTISED.matcher(flag).find() || HOST_FLAG.matcher(flag).matches()) {
      return;
    }
    String value = w.text().substring(from);
    int start = w.start() + from;
    int end = w.end();
    boolean substituted = false;
    Matcher v = VARIABLE.matcher(value.strip());
    if (v.matches()) {
      String name = v.group(1) != null ? v.group(1) : v.group(2) != null ? v.group(2) : v.group(4);
      value = env.getOrDefault(name, v.group(3));
      if (value == null) {
        return;
      }
      substituted = true;
    }
    boolean portFlag = PORT_FLAG.matcher(flag).find();
    if (client) {
      if (portFlag && host != null) {
        // redis-cli -h localhost -p 6379: the host word names the pod, the port is this value
        out.connect(host.origin().as(o.source()), host.start(), host.end(), Addresses.port(value));
      } else if (!substituted) {
        out.references(o, value, start);
      }
      return;
    }
    boolean listen = LISTEN_FLAG.matcher(flag).find()
        || !Addresses.CLIENT_WORDS.matcher(flag).find() && (portFlag || ADDRESS_FLAG.matcher(flag).find())
        || SERVICE_FLAG.matcher(flag).matches() && (Addresses.port(value) > 0 || value.startsWith(":")
            || Addresses.WILDCARD_ADDRESS.matcher(value).find());
    if (!listen) {
      if (!substituted) {
        out.references(o, value, start);
      }
      return;
    }
    boolean primary = !Addresses.auxiliary(flag);
    int n = Addresses.port(value);
    if (n > 0) {
      out.listen(o, start, end, n, primary);
      return;
    }
    Matcher m = Addresses.LISTEN_ADDRESS.matcher(value);
    while (m.find()) {
      int port = Integer.parseInt(m.group(1));
      if (substituted) {
        out.listen(o, start, end, port, primary);
      } else {
        out.listen(o, start + m.start(), start + m.end(), port, primary);
      }
    }
  }

  /**
   * An argument that is not a flag's value: references to the pod's ports, a wildcard address to
   * serve on ({@code runserver 0.0.0.0:8000}); for a client, a loopback host followed by a port
   * ({@code nc -z localhost 5432}).
   */
  private static void positional(Word w, Word previous, boolean client, Facts out) {
    Origin o = w.origin();
    if (client) {
      int n = Addresses.port(w.text());
      if (n > 0 && previous != null && Addresses.isLoopback(previous.text())) {
        // nc -z localhost 5432: the host word names the pod
        out.connect(previous.origin(), previous.start(), previous.end(), n);
        return;
      }
    } else {
      Matcher m = Addresses.WILDCARD_ADDRESS.matcher(w.text());
      while (m.find()) {
        out.listen(o, w.start() + m.start(), w.start() + m.end(), Integer.parseInt(m.group(1)), true);
      }
    }
    out.references(o, w.text(), w.start());
  }
}
