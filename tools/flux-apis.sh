#!/bin/sh
# Regenerates flux-apis.json and flux-schemas.json (src/main/resources/io/github/fluxoci/oci/flux/) from Flux's CRDs
# (../shared/flux-crds, or -Doci.fluxCrds=<folder>); review the diff before committing it.
set -e
cd "$(dirname "$0")/.."
mvn -q -B test -Dtest=FluxApisResourceTest -Dsurefire.failIfNoSpecifiedTests=false -Doci.writeFluxApis=true "$@"
git --no-pager diff --stat -- src/main/resources/io/github/fluxoci/oci/flux/
