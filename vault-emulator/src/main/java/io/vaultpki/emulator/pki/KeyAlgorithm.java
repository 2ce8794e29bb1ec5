package io.vaultpki.emulator.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;

/** Key types the emulated PKI engine can generate, named as Vault's {@code key_type}/{@code key_bits} pairs. */
public enum KeyAlgorithm {
    RSA_2048("rsa", 2048),
    RSA_4096("rsa", 4096),
    EC_P256("ec", 256),
    EC_P384("ec", 384),
    ED25519("ed25519", 0);

    private final String vaultType;
    private final int bits;

    KeyAlgorithm(String vaultType, int bits) {
        this.vaultType = vaultType;
        this.bits = bits;
    }

    /** Vault's {@code key_type} / {@code private_key_type} value. */
    public String vaultType() {
        return vaultType;
    }

    /** Vault's {@code key_bits} value ({@code 0} for ed25519). */
    public int bits() {
        return bits;
    }

    /** Maps a role's or request's {@code key_type}/{@code key_bits}; bits {@code 0} picks Vault's default size. */
    public static KeyAlgorithm of(String type, int bits) {
        return switch (type) {
            case "rsa" -> bits == 4096 ? RSA_4096 : RSA_2048;
            case "ec" -> bits == 384 ? EC_P384 : EC_P256;
            case "ed25519" -> ED25519;
            default -> throw new IllegalArgumentException("unknown key type " + type);
        };
    }

    public KeyPair generate() {
        try {
            return switch (this) {
                case RSA_2048, RSA_4096 -> {
                    var g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(bits);
                    yield g.generateKeyPair();
                }
                case EC_P256, EC_P384 -> {
                    var g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec(bits == 256 ? "secp256r1" : "secp384r1"));
                    yield g.generateKeyPair();
                }
                case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key", e);
        }
    }

    /** The algorithm of an existing key (used for the {@code private_key_type} of leaves). */
    public static KeyAlgorithm of(PrivateKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength() > 2048 ? RSA_4096 : RSA_2048;
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getOrder().bitLength() > 256 ? EC_P384 : EC_P256;
        }
        return ED25519;
    }

    /** Signature algorithm Vault uses with a signing key of this type. */
    String signatureAlgorithm() {
        return switch (this) {
            case RSA_2048, RSA_4096 -> "SHA256withRSA";
            case EC_P256 -> "SHA256withECDSA";
            case EC_P384 -> "SHA384withECDSA";
            case ED25519 -> "Ed25519";
        };
    }
}
