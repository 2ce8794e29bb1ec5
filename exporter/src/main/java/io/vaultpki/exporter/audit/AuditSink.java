package io.vaultpki.exporter.audit;

/** Where audit events go. The production sink appends JSON lines to the audit file; it never throws. */
public interface AuditSink {

    void record(AuditEvent event);
}
