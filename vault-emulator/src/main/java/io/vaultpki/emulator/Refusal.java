package io.vaultpki.emulator;

/**
 * Ends the request pipeline early with the answer a step chose (sealed, bad body, permission denied, ...), so the
 * pipeline in {@link LogicalHandler} reads as the list of its steps.
 */
final class Refusal extends RuntimeException {

    private final transient RenderedResponse response;

    Refusal(RenderedResponse response) {
        super(null, null, false, false);
        this.response = response;
    }

    RenderedResponse response() {
        return response;
    }
}
