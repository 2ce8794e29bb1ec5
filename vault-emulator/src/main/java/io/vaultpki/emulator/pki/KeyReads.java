package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code LIST keys} and {@code GET key/:ref} (Vault 1.11+, https://developer.hashicorp.com/vault/api-docs/secret/pki#list-keys,
 * #read-key; {@code pathListKeysHandler}, {@code pathGetKeyHandler} in
 * https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/path_fetch_keys.go). The mount's keys are those of
 * its issuers that hold one (a rotated root shares its key); an imported issuer has none.
 */
final class KeyReads {

    private final PkiStore store;
    private final MountSettings settings;
    private final Flavor flavor;

    KeyReads(PkiStore store, MountSettings settings, Flavor flavor) {
        this.store = store;
        this.settings = settings;
        this.flavor = flavor;
    }

    /** {@code LIST keys}: ids, and {@code key_info.<id>.key_name}; 404 with none. */
    EmulatorResponse list(EmulatorRequest request) {
        ObjectNode info = PkiJson.object();
        List<String> ids = new ArrayList<>(keys().keySet());
        ids.forEach(id -> info.putObject(id).put("key_name", settings.keyName(id)));
        ids.sort(null);
        return Listing.respond(request, flavor, ids, info);
    }

    /**
     * {@code GET key/:ref}: {@code key_id}, {@code key_name}, {@code key_type} and {@code subject_key_id}; for a
     * managed key also {@code managed_key_id} and {@code managed_key_name} (the fields the CLI's
     * {@code hardware_backed_root} check looks for). An unknown reference is Vault's 500
     * {@code unable to find PKI key for reference: <ref>}, as for issuers.
     */
    EmulatorResponse read(String ref) {
        Issuer holder = resolve(ref);
        String id = holder.keyId();
        ObjectNode data = PkiJson.object()
                .put("key_id", id)
                .put("key_name", settings.keyName(id))
                .put("key_type", KeyAlgorithm.of(holder.keyPair().getPrivate()).vaultType())
                .put("subject_key_id", subjectKeyId(holder));
        settings.managedKey(id).ifPresent(m -> data.put("managed_key_id", m.id()).put("managed_key_name", m.name()));
        return EmulatorResponse.ok(data);
    }

    /** {@code keyId} when an issuer of the mount holds that key; for the seeding knobs. */
    static String held(PkiStore store, String keyId) {
        if (store.issuers().stream().noneMatch(i -> i.keyId().equals(keyId) && i.keyPair() != null)) {
            throw new IllegalArgumentException("no key " + keyId + " on this mount");
        }
        return keyId;
    }

    /** Key id → the first issuer holding it, in creation order. */
    private Map<String, Issuer> keys() {
        Map<String, Issuer> keys = new LinkedHashMap<>();
        for (Issuer issuer : store.issuers()) {
            if (issuer.keyPair() != null && !issuer.keyId().isEmpty()) {
                keys.putIfAbsent(issuer.keyId(), issuer);
            }
        }
        return keys;
    }

    /** {@code default} is the default issuer's key (else the first key); then an id, then a name. */
    private Issuer resolve(String ref) {
        Map<String, Issuer> keys = keys();
        if ("default".equals(ref)) {
            Issuer byDefault = store.issuer(store.defaultIssuerId()).filter(i -> keys.containsKey(i.keyId()))
                    .orElse(keys.isEmpty() ? null : keys.values().iterator().next());
            if (byDefault == null) {
                throw PkiError.internal(500, "no default key currently configured");
            }
            return byDefault;
        }
        if (keys.containsKey(ref)) {
            return keys.get(ref);
        }
        return keys.entrySet().stream().filter(e -> !settings.keyName(e.getKey()).isEmpty()
                        && settings.keyName(e.getKey()).equals(ref)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> PkiError.internal(500, "unable to find PKI key for reference: " + ref));
    }

    /** Go's {@code certutil.GetSubjectKeyID} in colon hex: SHA-1 of the subject public key bits. */
    private static String subjectKeyId(Issuer issuer) {
        try {
            return hex(new JcaX509ExtensionUtils().createSubjectKeyIdentifier(issuer.keyPair().getPublic())
                    .getKeyIdentifier());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash the public key", e);
        }
    }

    private static String hex(byte[] bytes) {
        var sb = new StringBuilder();
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
