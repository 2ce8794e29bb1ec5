package io.vaultpki.client.cert;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM reading and writing shared by certificate, CRL and key parsing. */
public final class Pem {

    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, new byte[]{'\n'});

    private Pem() {
    }

    /**
     * Whether the bytes look like PEM text rather than DER: sniff, never trust Content-Type
     * (docs/vault-compatibility.md#client-pki).
     */
    public static boolean isPem(byte[] data) {
        String head = new String(data, 0, Math.min(data.length, 4096), StandardCharsets.US_ASCII);
        return head.contains("-----BEGIN ");
    }

    /** All PEM blocks of the text, any type, in order. */
    public static List<PemObject> blocks(String text) throws IOException {
        List<PemObject> out = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject o;
            while ((o = reader.readPemObject()) != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** Encodes DER as one PEM block with exactly one trailing newline. */
    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
