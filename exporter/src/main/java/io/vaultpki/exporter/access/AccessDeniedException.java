package io.vaultpki.exporter.access;

/** The principal is authenticated but may not do this (403): missing scope, outside its allow-list or policy. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String reason) {
        super(reason);
    }
}
