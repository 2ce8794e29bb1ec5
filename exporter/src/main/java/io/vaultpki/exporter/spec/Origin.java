package io.vaultpki.exporter.spec;

/** Where an export was defined: configuration exports are read-only through the API. */
public enum Origin {
    CONFIG,
    API
}
