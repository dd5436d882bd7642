package dev.podlint.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each configuration format says about listening and connecting, and where. */
class ConfigTextTest {
  static List<String> read(String text) {
    List<String> out = new ArrayList<>();
    ConfigText.read(text, new TextFacts() {
      @Override
      public void listen(int start, int end, int port, boolean primary) {
        out.add("listen " + port + (primary ? "" : " aux") + " '" + text.substring(start, end) + "'");
      }

      @Override
      public void connect(int start, int end, int port) {
        out.add("connect " + port + " '" + text.substring(start, end) + "'");
      }
    });
    return out;
  }

  @Test
  void nginx() {
    assertEquals(List.of("listen 80 '80'", "listen 8443 '[::]:8443'", "listen 8081 '127.0.0.1:8081'",
        "listen 81 '81'", "connect 8080 'localhost:8080'", "connect 9000 '127.0.0.1:9000'",
        "connect 3000 '127.0.0.1:3000'"), read("""
        server {
          listen 80 default_server;
          listen [::]:8443 ssl;
          listen 127.0.0.1:8081;
          listen 10.0.0.1:81;
          listen unix:/run/nginx.sock;
          # listen 8888;   proxy_pass http://localhost:7777;
          location / { proxy_pass http://localhost:8080; }
          location ~ \\.php$ { fastcgi_pass 127.0.0.1:9000; }
        }
        upstream node { server 127.0.0.1:3000; }
        """));
  }

  @Test
  void haproxyRedisSentinelAndIni() {
    assertEquals(List.of("listen 8404 '*:8404'", "listen 443 ':443'", "listen 8080 ':8080'",
        "connect 8081 '127.0.0.1:8081'"), read("""
        frontend stats
          bind *:8404
          bind :443,ipv4@:8080 ssl crt /etc/cert.pem
        backend app
          server a 127.0.0.1:8081 check
        """));
    assertEquals(List.of("listen 26379 '26379'", "connect 6379 '127.0.0.1 6379'"), read("""
        port 26379
        sentinel monitor mymaster 127.0.0.1 6379 2
        """));
    assertEquals(List.of("listen 5433 '5433'"), read("listen_addresses = '*'\nport = 5433\nmax_connections = 100\n"));
  }

  @Test
  void envoy() {
    assertEquals(List.of("listen 9901 aux '9901'", "listen 10000 '10000'", "connect 8080 '8080'"), read("""
        admin:
          address: {socket_address: {address: 127.0.0.1, port_value: 9901}}
        static_resources:
          listeners:
            - address:
                socket_address:
                  address: 0.0.0.0
                  port_value: 10000
          clusters:
            - name: app
              load_assignment:
                endpoints:
                  - lb_endpoints:
                      - endpoint:
                          address:
                            socket_address: {address: 127.0.0.1, port_value: 8080}
                      - endpoint:
                          address:
                            socket_address: {address: other.example.com, port_value: 8081}
        """));
  }

  @Test
  void keyValueSettings() {
    assertEquals(List.of("listen 3000 '3000'", "listen 8080 '8080'", "listen 8082 aux '127.0.0.1:8082'",
        "listen 9090 ':9090'", "listen 4317 '0.0.0.0:4317'", "listen 8081 '8081'", "listen 9100 aux '9100'",
        "connect 6379 'localhost:6379'"), read("""
        http_port = 3000
        server.port=8080
        metrics:
          bindAddress: 127.0.0.1:8082
        listen_address = ":9090"
        endpoint: 0.0.0.0:4317
        listen: 8081
        metricsPort: 9100
        redis_address: localhost:6379
        database_port: 5432
        port: 9999
        """));
    assertEquals(List.of("listen 8443 '8443'", "listen 8081 '8081'", "listen 8080 aux '8080'"), read("""
        server {
          bind_port = "8081"
          health_checks {
            listener_enabled = true
            bind_port = "8080"
          }
          federation {
            bundle_endpoint {
              address = "0.0.0.0"
              port = 8443
            }
          }
        }
        """), "a health_checks block holds an auxiliary listener");
  }
}
