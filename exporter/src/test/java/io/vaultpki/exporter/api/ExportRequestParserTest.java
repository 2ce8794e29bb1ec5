package io.vaultpki.exporter.api;

import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.FieldError;
import io.vaultpki.exporter.spec.Format;
import io.vaultpki.exporter.spec.NamingProfile;
import io.vaultpki.exporter.spec.Source;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExportRequestParserTest {

    private static ExportSpec parse(String json) {
        return ExportRequestParser.parse(json.getBytes(StandardCharsets.UTF_8), null);
    }

    private static List<String> fields(String json) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> parse(json));
        assertThat(e).as("expected a 400 for " + json).isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void fullBodyMapsToTheSpecWithGoDurations() {
        ExportSpec spec = parse("{\"name\":\"web\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\","
                + "\"common_name\":\"web.example.com\",\"alt_names\":[\"a.example.com\"],\"ip_sans\":[\"10.0.0.1\"],"
                + "\"ttl\":\"72h\",\"renew_before\":\"1h30m\",\"key_type\":\"ec\",\"key_bits\":256,"
                + "\"formats\":[\"pem\",\"pkcs12\"],\"naming\":\"kubernetes\",\"hook\":\"reload\"}");
        assertThat(spec.source()).isEqualTo(Source.ISSUE);
        assertThat(spec.ttl()).isEqualTo(Duration.ofHours(72));
        assertThat(spec.renewBefore()).isEqualTo(Duration.ofMinutes(90));
        assertThat(spec.keyBits()).isEqualTo(256);
        assertThat(spec.formats()).containsExactlyInAnyOrder(Format.PEM, Format.PKCS12);
        assertThat(spec.naming()).isEqualTo(NamingProfile.KUBERNETES);
        assertThat(spec.hook()).isEqualTo("reload");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(fields("{\"source\":\"nope\",\"ttl\":\"soon\",\"key_bits\":\"256\",\"formats\":[\"zip\"],\"naming\":\"x\"}"))
                .containsExactlyInAnyOrder("name", "source", "ttl", "key_bits", "formats[0]", "naming");
    }

    @Test
    void anInlineHookCommandIs400NamingHookCommand() {
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"hook\":{\"command\":[\"sh\",\"-c\",\"id\"]}}"))
                .containsExactly("hook.command");
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"hook\":{\"command\":[\"x\"],\"shell\":true}}"))
                .containsExactly("hook.command");
    }

    @Test
    void aHookObjectWithoutACommandIs400NamingHook() {
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"hook\":{\"name\":\"reload\"}}"))
                .containsExactly("hook");
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"hook\":[\"nginx\",\"-s\",\"reload\"]}"))
                .containsExactly("hook");
    }

    @Test
    void aCommandAtTheTopLevelIs400NamingCommandRatherThanAnUnknownField() {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> parse(
                "{\"name\":\"a\",\"source\":\"issue\",\"command\":[\"sh\",\"-c\",\"id\"]}"));
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("command");
            assertThat(err.message()).contains("exporter.hooks");
        });
    }

    @Test
    void aCommandNestedAnywhereIs400NamingItsPath() {
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"alt_names\":[{\"command\":[\"id\"]}]}"))
                .contains("alt_names[0].command");
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"extra\":{\"x\":{\"Command\":\"id\"}}}"))
                .contains("extra.x.Command");
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"hook\":{\"COMMAND\":\"id\"}}"))
                .containsExactly("hook.COMMAND");
    }

    @Test
    void aHookNameIsTakenAsItIs() {
        assertThat(parse("{\"name\":\"a\",\"source\":\"issue\",\"hook\":\"reload\"}").hook()).isEqualTo("reload");
        assertThat(parse("{\"name\":\"a\",\"source\":\"issue\",\"hook\":null}").hook()).isNull();
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"hook\":42}")).containsExactly("hook");
    }

    @Test
    void hugeValuesAreRefused() {
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"common_name\":\"" + "a".repeat(2000) + "\"}"))
                .containsExactly("common_name");
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"key_bits\":99999999999}")).containsExactly("key_bits");
        String many = "\"a.example.com\",".repeat(150);
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\",\"alt_names\":[" + many + "\"b\"]}")).containsExactly("alt_names");
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefused() {
        assertThat(fields("{\"name\":\"a\",\"name\":\"b\",\"source\":\"issue\"}")).containsExactly("body");
        assertThat(fields("{\"name\":\"a\",\"source\":\"issue\"} {}")).containsExactly("body");
        assertThat(fields("[1,2]")).containsExactly("body");
    }

    @Test
    void durationsAreWrittenBackInTheSameForm() {
        assertThat(GoDurationText.format(Duration.ofHours(72))).isEqualTo("72h");
        assertThat(GoDurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(GoDurationText.format(Duration.ofSeconds(45))).isEqualTo("45s");
    }
}
