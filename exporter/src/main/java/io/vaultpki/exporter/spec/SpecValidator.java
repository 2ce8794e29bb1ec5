package io.vaultpki.exporter.spec;

import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an {@link ExportSpec} before anything talks to Vault or touches disk. Returns every problem at once, with
 * the field in the API's snake_case, so a config file or a request body can be fixed in one go.
 */
public final class SpecValidator {

    /** Export names double as directory names: no slash, no dot-dot, no control characters, no upper case. */
    public static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,62}$");
    private static final Pattern MOUNT = Pattern.compile("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$");
    private static final Pattern ROLE = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
    private static final Pattern ISSUER_REF = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
    private static final Pattern SERIAL = Pattern.compile("^[0-9A-Fa-f]{2}([:-]?[0-9A-Fa-f]{2}){0,39}$");
    private static final Pattern DNS = Pattern.compile("^(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?$");
    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");
    private static final Set<String> KEY_TYPES = Set.of("rsa", "ec", "ed25519");
    private static final Duration MAX_TTL = Duration.ofDays(3650);
    /** As {@code exporter.hooks.<name>}: lower case, digits and '-' (a dot or '_' cannot appear in a property key). */
    public static final String HOOK_NAME_REGEX = "^[a-z0-9][a-z0-9-]{0,62}$";
    public static final Pattern HOOK_NAME = Pattern.compile(HOOK_NAME_REGEX);
    private static final int MAX_SANS = 100;
    private static final int MAX_CSR_CHARS = 32 * 1024;

    private SpecValidator() {
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Every problem of {@code spec}; empty when it is valid. */
    public static List<FieldError> validate(ExportSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (!isValidName(spec.name())) {
            errors.add(new FieldError("name", "must match ^[a-z0-9][a-z0-9._-]{0,62}$ (lower case, digits, '.', '_', '-'; at most 63 characters)"));
        }
        if (spec.source() == null) {
            errors.add(new FieldError("source", "is required: one of issue, issuer, certificate, sign"));
            return errors;
        }
        if (blank(spec.mount())) {
            errors.add(new FieldError("mount", "is required"));
        } else if (spec.mount().length() > 256 || !MOUNT.matcher(spec.mount()).matches() || hasDotSegment(spec.mount())) {
            errors.add(new FieldError("mount", "must be a PKI mount path such as pki_int or team/a/pki"));
        }
        switch (spec.source()) {
            case ISSUE -> {
                requireRole(spec, errors);
                if (blank(spec.commonName())) {
                    errors.add(new FieldError("common_name", "is required for source issue"));
                }
                forbid(spec.serial(), "serial", "issue", errors);
                forbid(spec.csr(), "csr", "issue", errors);
            }
            case SIGN -> {
                requireRole(spec, errors);
                checkCsr(spec.csr(), errors);
                forbid(spec.serial(), "serial", "sign", errors);
            }
            case ISSUER -> {
                forbid(spec.role(), "role", "issuer", errors);
                forbid(spec.serial(), "serial", "issuer", errors);
                forbid(spec.csr(), "csr", "issuer", errors);
                forbid(spec.commonName(), "common_name", "issuer", errors);
            }
            case CERTIFICATE -> {
                if (blank(spec.serial())) {
                    errors.add(new FieldError("serial", "is required for source certificate"));
                } else if (!SERIAL.matcher(spec.serial()).matches()) {
                    errors.add(new FieldError("serial", "must be a hex serial such as 3c:9f:01:aa"));
                }
                forbid(spec.role(), "role", "certificate", errors);
                forbid(spec.csr(), "csr", "certificate", errors);
                forbid(spec.commonName(), "common_name", "certificate", errors);
            }
        }
        if (spec.issuerRef() != null && (!ISSUER_REF.matcher(spec.issuerRef()).matches() || isDotSegment(spec.issuerRef()))) {
            errors.add(new FieldError("issuer_ref", "must be an issuer ID, name or 'default'"));
        }
        if (spec.commonName() != null && (spec.commonName().length() > 255 || hasControl(spec.commonName())
                || spec.commonName().isBlank() && spec.source() == Source.SIGN)) {
            errors.add(new FieldError("common_name", "must be 1 to 255 printable characters"));
        }
        if (!spec.source().renews() && (!spec.altNames().isEmpty() || !spec.ipSans().isEmpty() || !spec.uriSans().isEmpty()
                || spec.ttl() != null)) {
            errors.add(new FieldError("alt_names", "alt_names, ip_sans, uri_sans and ttl apply to issue and sign only"));
        }
        checkList("alt_names", spec.altNames(), errors, SpecValidator::validDns, "must be a DNS name");
        checkList("ip_sans", spec.ipSans(), errors, SpecValidator::validIp, "must be an IPv4 or IPv6 address");
        checkList("uri_sans", spec.uriSans(), errors, SpecValidator::validUri, "must be an absolute URI");
        if (spec.ttl() != null && (spec.ttl().isNegative() || spec.ttl().isZero() || spec.ttl().compareTo(MAX_TTL) > 0)) {
            errors.add(new FieldError("ttl", "must be positive and at most 3650 days"));
        }
        if (spec.keyType() != null && !KEY_TYPES.contains(spec.keyType())) {
            errors.add(new FieldError("key_type", "must be one of rsa, ec, ed25519"));
        }
        if (spec.keyBits() != 0 && (spec.keyType() == null || !validBits(spec.keyType(), spec.keyBits()))) {
            errors.add(new FieldError("key_bits", "must fit key_type: rsa 2048/3072/4096/8192, ec 224/256/384/521, ed25519 0"));
        }
        if ((spec.keyType() != null || spec.keyBits() != 0) && spec.source() != Source.ISSUE) {
            errors.add(new FieldError("key_type", "applies to source issue only"));
        }
        if (spec.renewBefore() != null && (spec.renewBefore().isNegative() || spec.renewBefore().isZero()
                || spec.renewBefore().compareTo(MAX_TTL) > 0)) {
            errors.add(new FieldError("renew_before", "must be positive and at most 3650 days"));
        }
        if (spec.revokePrevious() && !spec.source().renews()) {
            errors.add(new FieldError("revoke_previous", "applies to sources issue and sign only: a " + spec.source().wire()
                    + " export reads a certificate the exporter did not mint, which it never revokes"));
        }
        checkRenewWindow(spec, errors);
        if (spec.hook() != null && !HOOK_NAME.matcher(spec.hook()).matches()) {
            errors.add(new FieldError("hook", "must be the name of a hook configured under exporter.hooks ("
                    + HOOK_NAME_REGEX + ")"));
        }
        return errors;
    }

    /** The window itself was parsed (and its grammar checked) when the spec was read; here: where it applies. */
    private static void checkRenewWindow(ExportSpec spec, List<FieldError> errors) {
        if (spec.renewWindow() != null && !spec.source().renews()) {
            errors.add(new FieldError("renew_window", "applies to sources issue and sign only (nothing else renews)"));
        }
        Duration floor = spec.renewWindowFloor();
        if (floor != null && (floor.isNegative() || floor.isZero() || floor.compareTo(MAX_TTL) > 0)) {
            errors.add(new FieldError("renew_window_floor", "must be positive and at most 3650 days"));
        } else if (floor != null && spec.renewWindow() == null) {
            errors.add(new FieldError("renew_window_floor", "applies only together with renew_window"));
        }
    }

    private static void requireRole(ExportSpec spec, List<FieldError> errors) {
        if (blank(spec.role())) {
            errors.add(new FieldError("role", "is required for source " + spec.source().wire()));
        } else if (!ROLE.matcher(spec.role()).matches() || isDotSegment(spec.role())) {
            errors.add(new FieldError("role", "must be a role name (letters, digits, '.', '_', '-')"));
        }
    }

    private static void checkCsr(String csr, List<FieldError> errors) {
        if (blank(csr)) {
            errors.add(new FieldError("csr", "is required for source sign (a PEM CERTIFICATE REQUEST)"));
            return;
        }
        if (csr.length() > MAX_CSR_CHARS) {
            errors.add(new FieldError("csr", "must be at most 32 KiB"));
            return;
        }
        try (PemReader reader = new PemReader(new StringReader(csr))) {
            PemObject o = reader.readPemObject();
            if (o == null || !o.getType().equals("CERTIFICATE REQUEST") && !o.getType().equals("NEW CERTIFICATE REQUEST")) {
                errors.add(new FieldError("csr", "must be a PEM CERTIFICATE REQUEST"));
                return;
            }
            new PKCS10CertificationRequest(o.getContent());
        } catch (IOException | RuntimeException e) {
            errors.add(new FieldError("csr", "is not a parseable PKCS#10 certificate request"));
        }
    }

    private static void forbid(String value, String field, String source, List<FieldError> errors) {
        if (value != null && !value.isEmpty()) {
            errors.add(new FieldError(field, "does not apply to source " + source));
        }
    }

    private interface Check {
        boolean ok(String value);
    }

    private static void checkList(String field, List<String> values, List<FieldError> errors, Check check, String msg) {
        if (values.size() > MAX_SANS) {
            errors.add(new FieldError(field, "must have at most " + MAX_SANS + " entries"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.length() > 253 || hasControl(v) || !check.ok(v)) {
                errors.add(new FieldError(field + "[" + i + "]", msg));
            }
        }
    }

    private static boolean validDns(String v) {
        return DNS.matcher(v).matches();
    }

    private static boolean validIp(String v) {
        // never InetAddress.getByName: it would resolve names through DNS
        return IPV4.matcher(v).matches() || v.contains(":") && IPV6.matcher(v).matches();
    }

    private static boolean validUri(String v) {
        try {
            return new URI(v).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean validBits(String type, int bits) {
        return switch (type) {
            case "rsa" -> bits == 2048 || bits == 3072 || bits == 4096 || bits == 8192;
            case "ec" -> bits == 224 || bits == 256 || bits == 384 || bits == 521;
            default -> false;
        };
    }

    /** {@code .} or {@code ..}: a role or issuer reference that would move the Vault path rather than name something. */
    private static boolean isDotSegment(String value) {
        return value.equals(".") || value.equals("..");
    }

    private static boolean hasDotSegment(String path) {
        for (String s : path.split("/")) {
            if (s.equals(".") || s.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControl(String v) {
        return v.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
