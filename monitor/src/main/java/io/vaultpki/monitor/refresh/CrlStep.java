package io.vaultpki.monitor.refresh;

import io.vaultpki.client.cert.ParsedCrl;
import io.vaultpki.client.cert.SerialNumbers;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultPaths;
import io.vaultpki.client.pki.ConditionalRead;

import java.security.cert.X509CRLEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CRLs of one engine, each read only when it may have changed. Issuers with the same key and subject share one
 * CRL (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-issuer-crl), read once for all of them
 * ({@link CrlGroups}). Which CRLs may have changed ({@link CrlPlan}):
 * <ul>
 *   <li>where the mount passes {@code If-Modified-Since} through and Vault is 1.12+: one conditional read per mount
 *       with Vault's time of the last full pass; Vault keeps one CRL change time per mount, so a {@code 304} says
 *       no CRL of the mount changed, and only new CRLs are read; any other answer reads them all;</li>
 *   <li>elsewhere, with several CRLs on the mount: {@code LIST certs/revoked}; a changed revoked list (a revocation
 *       or a tidy) reads them all, else only new CRLs and those due by age ({@link EngineMemory.CrlMemo#dueAt()});</li>
 *   <li>a mount with a single CRL, or a pre-1.11 mount: that CRL, every refresh (one request either way).</li>
 * </ul>
 * A CRL whose read fails keeps its previous data (engine not up); an unparsable one is left out.
 */
final class CrlStep {

    private final ObjectReads reads;
    private final Clock clock;

    CrlStep(ObjectReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    void run(VaultCalls calls, EngineWork work) {
        if (!work.issuersListed()) {
            return;
        }
        Instant now = clock.instant();
        CrlGroups groups = CrlGroups.of(work.issuers, work.memory, work.legacy);
        work.memory.retainCrls(groups.keys());
        Map<String, Instant> revoked = new ConcurrentHashMap<>();
        Set<String> unparsable = ConcurrentHashMap.newKeySet();
        List<Instant> dates = Collections.synchronizedList(new ArrayList<>());
        CrlPlan plan = CrlPlan.decide(calls, work, groups, now, reads);
        plan.probe().ifPresent(probe -> {
            remember(work, plan.probeGroup(), probe.value().orElseThrow(), now, revoked);
            probe.serverDate().ifPresent(dates::add);
        });
        boolean[] failed = {plan.probeFailed()};
        reads.forEach(plan.toRead(), group -> {
            String issuer = groups.representative(group);
            try {
                ConditionalRead<ParsedCrl> read = calls.call("read_crl", () -> work.legacy
                        ? new ConditionalRead<>(Optional.of(work.pki.readCrl()), Optional.empty())
                        : work.pki.readIssuerCrlIfModifiedSince(issuer, null));
                read.serverDate().ifPresent(dates::add);
                remember(work, group, read.value().orElseThrow(), now, revoked);
            } catch (VaultNotFoundException e) {
                // an issuer without a CRL (e.g. an imported one without its key) is not a failure
                work.memory.crlRead(group, new EngineMemory.CrlMemo(Optional.empty(), now));
            } catch (RuntimeException e) {
                failed[0] = true;
                if (reads.failed(work, e, path(work, issuer)).reason() == FailureReason.PARSE_ERROR) {
                    unparsable.add(group); // left out now, read again next time
                }
            }
        });
        if (work.conditionalCrls && plan.fullPass()) {
            // the next conditional read asks from Vault's earliest answer of this pass, so a CRL rebuilt while the
            // pass ran counts as changed; after a failed read there is none, and the next refresh reads them all
            work.memory.crlSince(failed[0] ? null : dates.stream().min(Comparator.naturalOrder()).orElse(null));
        }
        work.crls = crlInfos(work, groups, unparsable);
        work.revokedFromCrls = revoked;
    }

    private static void remember(EngineWork work, String group, ParsedCrl crl, Instant now,
                                 Map<String, Instant> revoked) {
        work.memory.crlRead(group, new EngineMemory.CrlMemo(Optional.of(new CrlInfo("", crl.thisUpdate(),
                crl.nextUpdate(), crl.crlNumber(), crl.revokedCount(), crl.sizeBytes())), now));
        Set<? extends X509CRLEntry> entries = crl.crl().getRevokedCertificates();
        if (entries != null) {
            entries.forEach(entry -> revoked.put(SerialNumbers.format(entry.getSerialNumber()),
                    entry.getRevocationDate().toInstant()));
        }
    }

    /**
     * One CRL per issuer that has one: the group's CRL under each member's ID; a group whose CRL could not be read
     * this time keeps each member's previous CRL.
     */
    private static List<CrlInfo> crlInfos(EngineWork work, CrlGroups groups, Set<String> unparsable) {
        Map<String, CrlInfo> previous = work.previousCrls().stream()
                .collect(Collectors.toMap(CrlInfo::issuerId, Function.identity(), (a, b) -> a));
        List<CrlInfo> out = new ArrayList<>();
        for (String group : groups.keys()) {
            if (unparsable.contains(group)) {
                continue;
            }
            Optional<EngineMemory.CrlMemo> memo = work.memory.crl(group);
            for (String issuer : groups.members(group)) {
                if (memo.isPresent()) {
                    memo.get().info().ifPresent(i -> out.add(new CrlInfo(issuer, i.thisUpdate(), i.nextUpdate(),
                            i.number(), i.revoked(), i.sizeBytes())));
                } else {
                    Optional.ofNullable(previous.get(issuer)).ifPresent(out::add);
                }
            }
        }
        out.sort(Comparator.comparing(CrlInfo::issuerId));
        return Collections.unmodifiableList(out);
    }

    static String path(EngineWork work, String issuer) {
        return work.legacy ? VaultPaths.join(work.pki.mount(), "cert", "crl")
                : VaultPaths.join(work.pki.mount(), "issuer", issuer, "crl");
    }

    /** The CRL groups of an engine in issuer order: key = key ID and subject, or the issuer alone without a key. */
    record CrlGroups(Map<String, List<String>> byKey) {

        static CrlGroups of(List<IssuerInfo> issuers, EngineMemory memory, boolean legacy) {
            Map<String, List<String>> byKey = new LinkedHashMap<>();
            for (IssuerInfo issuer : issuers) {
                String keyId = legacy ? "" : memory.keyId(issuer.id());
                String key = keyId.isEmpty() ? "issuer " + issuer.id() : "key " + keyId + " " + issuer.subject();
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(issuer.id());
            }
            return new CrlGroups(byKey);
        }

        Set<String> keys() {
            return byKey.keySet();
        }

        List<String> members(String group) {
            return byKey.get(group);
        }

        /** The issuer whose CRL is read for the group. */
        String representative(String group) {
            return byKey.get(group).get(0);
        }
    }
}
