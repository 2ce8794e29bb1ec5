package io.vaultpki.exporter.files;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.vaultpki.exporter.spec.ExportSpec;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code metadata.json} of one export version: what was written and why. Never holds key material or a password.
 *
 * @param name              export name
 * @param source            {@code issue}, {@code issuer}, {@code certificate} or {@code sign}
 * @param mount             PKI mount
 * @param role              role (issue, sign)
 * @param issuerRef         issuer reference, if any
 * @param serial            colon-hex serial of the exported certificate
 * @param subject           subject DN (RFC 2253)
 * @param commonName        subject CN
 * @param dnsNames          DNS SANs
 * @param ipSans            IP SANs
 * @param uriSans           URI SANs
 * @param notBefore         start of validity
 * @param notAfter          end of validity
 * @param issuer            issuer DN
 * @param requestedTtlSeconds TTL asked for, {@code null} when left to the role
 * @param issuedLifetimeSeconds notAfter − notBefore of what Vault issued
 * @param renewAt           when the exporter plans to renew (issue and sign) or re-read (issuer, certificate)
 * @param lifetimeShortened Vault issued a certificate too short for the renewal window (loop guard engaged)
 * @param specHash          {@link io.vaultpki.exporter.spec.ExportSpec#specHash()} of the spec that produced it
 * @param version           the version directory name, {@code ..<timestamp>.<serial prefix>}
 * @param writtenAt         when the version was written
 * @param files             on-disk file name → SHA-256 (hex) of its bytes; metadata.json itself excluded
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportMetadata(String name, String source, String mount, String role, String issuerRef, String serial,
                             String subject, String commonName, List<String> dnsNames, List<String> ipSans,
                             List<String> uriSans, Instant notBefore, Instant notAfter, String issuer,
                             Long requestedTtlSeconds, long issuedLifetimeSeconds, Instant renewAt,
                             boolean lifetimeShortened, String specHash, String version, Instant writtenAt,
                             Map<String, String> files) {

    /**
     * Whether these files were made from {@code spec} as it is now (the same {@link ExportSpec#specHash()}): files of
     * an older spec are not what the configuration asks for, however valid.
     */
    public boolean madeFrom(ExportSpec spec) {
        return spec.specHash().equals(specHash);
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(instants())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    // RFC 3339 strings without pulling in jackson-datatype-jsr310 (not on the exporter's classpath)
    static SimpleModule instants() {
        SimpleModule module = new SimpleModule("instants");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                try {
                    return Instant.parse(p.getValueAsString());
                } catch (RuntimeException e) {
                    throw new IOException("not an RFC 3339 time: " + p.getValueAsString());
                }
            }
        });
        return module;
    }

    public ExportMetadata {
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
        ipSans = ipSans == null ? List.of() : List.copyOf(ipSans);
        uriSans = uriSans == null ? List.of() : List.copyOf(uriSans);
        files = files == null ? Map.of() : new TreeMap<>(files);
    }

    /** Pretty-printed JSON with a trailing newline. */
    public byte[] toJson() {
        try {
            byte[] body = JSON.writeValueAsBytes(this);
            byte[] out = new byte[body.length + 1];
            System.arraycopy(body, 0, out, 0, body.length);
            out[body.length] = '\n';
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("metadata.json could not be encoded", e);
        }
    }

    /** Parses {@code metadata.json}; throws {@link IOException} on anything that is not valid metadata. */
    public static ExportMetadata fromJson(byte[] json) throws IOException {
        ExportMetadata m = JSON.readValue(json, ExportMetadata.class);
        if (m == null || m.name() == null || m.serial() == null || m.notAfter() == null) {
            throw new IOException("metadata.json lacks name, serial or not_after");
        }
        return m;
    }

    /** A copy with another renewal time (the plan changes without a new version, e.g. after a failure). */
    public ExportMetadata withRenewAt(Instant value) {
        return new ExportMetadata(name, source, mount, role, issuerRef, serial, subject, commonName, dnsNames, ipSans,
                uriSans, notBefore, notAfter, issuer, requestedTtlSeconds, issuedLifetimeSeconds, value,
                lifetimeShortened, specHash, version, writtenAt, files);
    }
}
