package org.paperboy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path tmp;

  @Test
  void defaultsThenFileThenEnvironmentThenFlags() throws IOException {
    assertThat(ConfigLoader.load(null, Map.of(), Map.of())).isEqualTo(PaperboyConfig.defaults());

    Path file =
        Files.writeString(
            tmp.resolve("p.properties"), "data = /srv/file\nimport.batch-size = 10\n");
    assertThat(ConfigLoader.load(file, Map.of(), Map.of()))
        .isEqualTo(
            new PaperboyConfig(
                Path.of("/srv/file"),
                10,
                PaperboyConfig.DEFAULT_MODEL,
                PaperboyConfig.DEFAULT_FUSION,
                ServerSettings.defaults(),
                PaperboyConfig.DEFAULT_ARXIV_API,
                HarvestSettings.defaults(),
                HnswSettings.defaults(),
                MailSettings.defaults(),
                "sqlite",
                JobSettings.defaults(),
                "lucene"));

    Map<String, String> env =
        Map.of("PAPERBOY_DATA", "/srv/env", "PAPERBOY_IMPORT_BATCH_SIZE", "20");
    assertThat(ConfigLoader.load(file, env, Map.of()))
        .isEqualTo(
            new PaperboyConfig(
                Path.of("/srv/env"),
                20,
                PaperboyConfig.DEFAULT_MODEL,
                PaperboyConfig.DEFAULT_FUSION,
                ServerSettings.defaults(),
                PaperboyConfig.DEFAULT_ARXIV_API,
                HarvestSettings.defaults(),
                HnswSettings.defaults(),
                MailSettings.defaults(),
                "sqlite",
                JobSettings.defaults(),
                "lucene"));

    assertThat(ConfigLoader.load(file, env, Map.of("data", "/srv/flag")))
        .isEqualTo(
            new PaperboyConfig(
                Path.of("/srv/flag"),
                20,
                PaperboyConfig.DEFAULT_MODEL,
                PaperboyConfig.DEFAULT_FUSION,
                ServerSettings.defaults(),
                PaperboyConfig.DEFAULT_ARXIV_API,
                HarvestSettings.defaults(),
                HnswSettings.defaults(),
                MailSettings.defaults(),
                "sqlite",
                JobSettings.defaults(),
                "lucene"));
  }

  @Test
  void serverSettingsDerivePublicUrlAndRejectBadValues() {
    PaperboyConfig c =
        ConfigLoader.load(
            null, Map.of("PAPERBOY_SERVER_PORT", "9000"), Map.of("server.host", "0.0.0.0"));
    assertThat(c.server().publicUrl().toString()).isEqualTo("http://0.0.0.0:9000");
    assertThat(c.server().secureCookies()).isFalse();
    PaperboyConfig tls =
        ConfigLoader.load(null, Map.of(), Map.of("server.public-url", "https://papers.lab.org/"));
    assertThat(tls.server().publicUrl().toString()).isEqualTo("https://papers.lab.org");
    assertThat(tls.server().secureCookies()).isTrue();
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("server.port", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.port");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("arxiv.api-url", "ftp://x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("arxiv.api-url");
    // Metrics stay on this machine unless said otherwise; the request log is off by default.
    assertThat(c.server().metrics()).isEqualTo(ServerSettings.MetricsAccess.LOOPBACK);
    assertThat(c.server().requestLog()).isFalse();
    PaperboyConfig ops =
        ConfigLoader.load(
            null,
            Map.of("PAPERBOY_SERVER_METRICS", "Public"),
            Map.of("server.request-log", "true"));
    assertThat(ops.server().metrics()).isEqualTo(ServerSettings.MetricsAccess.PUBLIC);
    assertThat(ops.server().requestLog()).isTrue();
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("server.metrics", "all")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.metrics: use off, loopback or public");
  }

  @Test
  void impossibleValuesAndUnknownKeysNameTheKey() throws IOException {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of("PAPERBOY_IMPORT_BATCH_SIZE", "0"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("import.batch-size: must be between 1 and 100000, was 0");
    Path typo = Files.writeString(tmp.resolve("t.properties"), "dta = x\n");
    assertThatThrownBy(() -> ConfigLoader.load(typo, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'dta'");
    assertThatThrownBy(() -> ConfigLoader.load(tmp.resolve("missing"), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read configuration file");
  }

  @Test
  void mailSettingsAreValidatedAtStartUp() {
    PaperboyConfig c =
        ConfigLoader.load(
            null,
            Map.of("PAPERBOY_MAIL_SMTP_HOST", "smtp.example.org"),
            Map.of(
                "mail.smtp.port", "587",
                "mail.smtp.security", "starttls",
                "mail.smtp.username", "u",
                "mail.smtp.password", "p",
                "mail.from", "Lab digest <digest@example.org>"));
    assertThat(c.mail().enabled()).isTrue();
    assertThat(c.mail().security()).isEqualTo(MailSettings.Security.STARTTLS);
    assertThat(c.mail().from().getAddress()).isEqualTo("digest@example.org");
    assertThat(PaperboyConfig.defaults().mail().enabled()).isFalse();
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("mail.smtp.security", "ssl")))
        .hasMessageContaining("mail.smtp.security: expected none, starttls or tls");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("mail.smtp.username", "u")))
        .hasMessageContaining("mail.smtp.password: required");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("mail.from", "not mail")))
        .hasMessageContaining("mail.from: not an email address");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("mail.rate-per-second", "0")))
        .hasMessageContaining("mail.rate-per-second");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("mail.smtp.port", "70000")))
        .hasMessageContaining("mail.smtp.port");
  }

  @Test
  void storeAndJobSettingsAreValidatedAtStartUp() {
    PaperboyConfig c =
        ConfigLoader.load(
            null,
            Map.of("PAPERBOY_STORE", "jdbc:postgresql://127.0.0.1:5432/paperboy?user=pb"),
            Map.of("jobs.lease-seconds", "30", "jobs.tick-seconds", "5"));
    assertThat(c.store()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/paperboy?user=pb");
    assertThat(c.embeddedStore()).isFalse();
    assertThat(c.jobs().lease()).hasSeconds(30);
    assertThat(c.jobs().tick()).hasSeconds(5);
    assertThat(PaperboyConfig.defaults().embeddedStore()).isTrue();
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("store", "mysql://x")))
        .hasMessageContaining("store: expected 'sqlite' or a jdbc:postgresql:// URL");
    assertThat(
            ConfigLoader.load(null, Map.of("PAPERBOY_SEARCH", "http://127.0.0.1:9200"), Map.of())
                .embeddedSearch())
        .isFalse();
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("search", "solr")))
        .hasMessageContaining("search: expected 'lucene' or an http(s):// OpenSearch address");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null, Map.of(), Map.of("jobs.lease-seconds", "10", "jobs.tick-seconds", "10")))
        .hasMessageContaining("jobs.tick-seconds: must be at least 1 and shorter than");
  }

  @Test
  void hnswSettingsComeFromTheirKeysAndAreBounded() {
    PaperboyConfig c =
        ConfigLoader.load(
            null,
            Map.of("PAPERBOY_SEARCH_HNSW_EF_CONSTRUCTION", "64"),
            Map.of("search.hnsw-m", "12", "search.hnsw-int8", "true"));
    assertThat(c.hnsw()).isEqualTo(new HnswSettings(12, 64, true));
    assertThat(PaperboyConfig.defaults().hnsw()).isEqualTo(new HnswSettings(16, 64, false));
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("search.hnsw-m", "2")))
        .hasMessage("search.hnsw-m: must be between 4 and 64, was 2");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("search.hnsw-ef-construction", "x")))
        .hasMessageContaining("search.hnsw-ef-construction");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("search.hnsw-ef-construction", "4096")))
        .hasMessage("search.hnsw-ef-construction: must be between 8 and 512, was 4096");
  }
}
