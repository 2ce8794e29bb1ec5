package io.vaultpki.client.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Validates the server chain with a PKIX trust manager, then checks the leaf's subject alternative names against
 * {@code tlsServerName} when set, else the host the connection was opened to. Being an
 * {@link X509ExtendedTrustManager}, it replaces the JDK's own endpoint identification, which is the only way to
 * verify against a name other than the URL host with {@code java.net.http.HttpClient}. Like Go since 1.15, the
 * subject CN is not used as a host name.
 */
final class HostnameVerifyingTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager chainValidator;
    private final String serverName;

    HostnameVerifyingTrustManager(X509TrustManager chainValidator, String serverName) {
        this.chainValidator = chainValidator;
        this.serverName = serverName;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        chainValidator.checkServerTrusted(chain, authType);
        verifyHost(chain[0], serverName != null ? serverName : engine == null ? null : engine.getPeerHost());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        chainValidator.checkServerTrusted(chain, authType);
        String host = serverName;
        if (host == null && socket != null && socket.getInetAddress() != null) {
            host = socket.getInetAddress().getHostName();
        }
        verifyHost(chain[0], host);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        chainValidator.checkServerTrusted(chain, authType);
        if (serverName != null) {
            verifyHost(chain[0], serverName);
        }
    }

    static void verifyHost(X509Certificate leaf, String host) throws CertificateException {
        if (host == null || host.isEmpty()) {
            throw new CertificateException("no host name to verify the server certificate against");
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean ip = isIpLiteral(h);
        for (List<?> san : sans(leaf)) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
            if (ip && type == 7 && sameAddress(h, value)) {
                return;
            }
            if (!ip && type == 2 && dnsMatches(value, h)) {
                return;
            }
        }
        throw new CertificateException("server certificate is not valid for " + host);
    }

    private static Collection<List<?>> sans(X509Certificate leaf) throws CertificateParsingException {
        Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
        return sans == null ? List.of() : sans;
    }

    static boolean dnsMatches(String pattern, String host) {
        String p = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        chainValidator.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        chainValidator.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        chainValidator.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chainValidator.getAcceptedIssuers();
    }
}
