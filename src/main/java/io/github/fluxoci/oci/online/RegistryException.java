package io.github.fluxoci.oci.online;

/**
 * A registry or Helm repository could not answer a question. The message names the host and what failed, never
 * a credential or token.
 */
public class RegistryException extends Exception {
    public RegistryException(String message) {
        super(message, null, false, false);
    }
}
