package io.github.fluxoci.oci.migrate;

/**
 * A Flux object that {@code oci:migrate} moved to an apiVersion its Flux serves.
 *
 * @param kind      its kind
 * @param name      its name
 * @param namespace its {@code metadata.namespace}, or null
 * @param file      its file, from the scanned folder
 * @param line      its line
 * @param from      the apiVersion it had
 * @param to        the apiVersion it has now
 * @param patches   how many patch files of it moved with it
 */
public record UpgradedApi(
        String kind, String name, String namespace, String file, int line, String from, String to, int patches) {}
