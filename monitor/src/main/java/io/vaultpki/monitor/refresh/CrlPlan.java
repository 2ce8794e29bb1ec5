package io.vaultpki.monitor.refresh;

import io.vaultpki.client.cert.ParsedCrl;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.pki.ConditionalRead;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which CRLs of an engine a refresh reads (see {@link CrlStep}), decided with at most one request: the conditional
 * read of one known CRL, or {@code LIST certs/revoked}.
 *
 * @param toRead      the CRL groups to read unconditionally
 * @param probeGroup  the group the conditional read asked about, when there was one
 * @param probe       that read's answer when the CRL had changed (it is then not in {@code toRead})
 * @param probeFailed the conditional read failed (recorded on the engine); everything else is read
 * @param fullPass    every CRL of the mount is read in this refresh (the next conditional read can start here)
 */
record CrlPlan(List<String> toRead, String probeGroup, Optional<ConditionalRead<ParsedCrl>> probe,
               boolean probeFailed, boolean fullPass) {

    static CrlPlan decide(VaultCalls calls, EngineWork work, CrlStep.CrlGroups groups, Instant now,
                          ObjectReads reads) {
        List<String> all = new ArrayList<>(groups.keys());
        List<String> known = all.stream().filter(g -> work.memory.crl(g).isPresent()).toList();
        if (work.legacy || all.size() <= 1) {
            return readAll(all);
        }
        if (work.conditionalCrls) {
            Optional<Instant> since = work.memory.crlSince();
            if (since.isEmpty() || known.isEmpty()) {
                return readAll(all);
            }
            return conditional(calls, work, groups, all, known.get(0), since.get(), now, reads);
        }
        try {
            List<String> revoked = calls.call("list_revoked", work.pki::listRevoked);
            if (work.memory.revokedChanged(fingerprint(revoked))) {
                return readAll(all);
            }
        } catch (VaultCalls.VaultDown down) {
            throw down;
        } catch (RuntimeException e) {
            // only an optimisation: without the revoked list every CRL is read, as without this plan
            work.memory.forgetRevoked();
            return readAll(all);
        }
        List<String> due = all.stream().filter(g -> work.memory.crl(g)
                .map(memo -> !now.isBefore(memo.dueAt())).orElse(true)).toList();
        return new CrlPlan(due, null, Optional.empty(), false, false);
    }

    private static CrlPlan conditional(VaultCalls calls, EngineWork work, CrlStep.CrlGroups groups, List<String> all,
                                       String probeGroup, Instant since, Instant now, ObjectReads reads) {
        String issuer = groups.representative(probeGroup);
        List<String> others = all.stream().filter(g -> !g.equals(probeGroup)).toList();
        ConditionalRead<ParsedCrl> read;
        try {
            read = calls.call("read_crl", () -> work.pki.readIssuerCrlIfModifiedSince(issuer, since));
        } catch (VaultNotFoundException e) {
            // that issuer has no CRL after all, which says nothing about the others: read them
            work.memory.crlRead(probeGroup, new EngineMemory.CrlMemo(Optional.empty(), now));
            return new CrlPlan(others, probeGroup, Optional.empty(), false, true);
        } catch (RuntimeException e) {
            reads.failed(work, e, CrlStep.path(work, issuer));
            return new CrlPlan(others, probeGroup, Optional.empty(), true, true);
        }
        if (read.notModified()) {
            // Vault keeps one CRL change time per mount: no CRL of the mount changed, read only new ones
            List<String> unknown = all.stream().filter(g -> work.memory.crl(g).isEmpty()).toList();
            return new CrlPlan(unknown, probeGroup, Optional.empty(), false, false);
        }
        return new CrlPlan(others, probeGroup, Optional.of(read), false, true);
    }

    private static CrlPlan readAll(List<String> all) {
        return new CrlPlan(all, null, Optional.empty(), false, true);
    }

    /** SHA-256 of the revoked serials in Vault's order: compared, never kept as a list. */
    static byte[] fingerprint(List<String> serials) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String serial : serials) {
                digest.update(serial.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
