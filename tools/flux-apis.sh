#!/bin/sh
# Regenerates src/main/resources/io/github/fluxoci/oci/flux/flux-apis.json from Flux's CRDs
# (../shared/flux-crds, or -Doci.fluxCrds=<folder>); review the diff before committing it.
set -e
cd "$(dirname "$0")/.."
mvn -q -B test -Dtest=FluxApisResourceTest -Dsurefire.failIfNoSpecifiedTests=false -Doci.writeFluxApis=true "$@"
git --no-pager diff --stat -- src/main/resources/io/github/fluxoci/oci/flux/flux-apis.json
