package io.vaultpki.exporter.access;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.vaultpki.exporter.config.ExporterConfiguration;
import io.vaultpki.exporter.hook.Hooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Loads the API tokens and client-certificate mappings at start-up ({@link Context} scope), so a bad token setting stops the exporter before it
 * serves anything, with a message that names the setting. Not in a one-shot run, which serves nothing: its init
 * container or cron job needs no API secret.
 */
@Factory
@Requires(notEnv = ExporterConfiguration.ONE_SHOT_ENVIRONMENT)
public class ApiTokensFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokensFactory.class);

    @Context
    public ApiTokens apiTokens(Environment environment, Hooks hooks) {
        List<?> raw = environment.getProperty(ApiTokensLoader.PREFIX, Argument.listOf(Object.class)).orElse(List.of());
        ApiTokens tokens = ApiTokensLoader.load(raw);
        HookPolicies.requireConfigured(tokens.principals(), ApiTokensLoader.PREFIX, hooks.names());
        if (tokens.isEmpty() && environment.getProperty(ClientCertificates.PREFIX, Argument.listOf(Object.class)).isEmpty()) {
            LOG.info("No API tokens configured ({}): /api/v1 answers 404; only /health and /metrics are served",
                    ApiTokensLoader.PREFIX);
        } else {
            LOG.info("API enabled with {} token(s)", tokens.size());
        }
        return tokens;
    }

    @Context
    public ClientCertificates clientCertificates(Environment environment, Hooks hooks) {
        List<?> raw = environment.getProperty(ClientCertificates.PREFIX, Argument.listOf(Object.class)).orElse(List.of());
        ClientCertificates certificates = ClientCertificates.load(raw);
        HookPolicies.requireConfigured(certificates.principals(), ClientCertificates.PREFIX, hooks.names());
        if (!certificates.isEmpty()) {
            LOG.info("API accepts client certificates: {}", certificates);
        }
        return certificates;
    }
}
