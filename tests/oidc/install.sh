# Sourced by tests/run.sh from the repository root (log, have and apt_install come from there).
# --- oidc-provider from npm, for the staff sign-in tests of the admin page: a real OpenID
# Provider (tests/oidc/provider.mjs) and a rogue issuer (tests/oidc/rogue.mjs), both run by
# tests/src/oidc.rs with node from SCHALTER_TEST_OIDC.
export SCHALTER_TEST_OIDC="${SCHALTER_TEST_OIDC:-$PWD/.test-env/oidc}"
if [ ! -d "$SCHALTER_TEST_OIDC/node_modules/oidc-provider" ]; then
  log "installing oidc-provider into $SCHALTER_TEST_OIDC"
  have npm || apt_install npm
  mkdir -p "$SCHALTER_TEST_OIDC"
  cp tests/oidc/package.json tests/oidc/package-lock.json tests/oidc/*.mjs "$SCHALTER_TEST_OIDC/"
  (cd "$SCHALTER_TEST_OIDC" && npm ci --silent --no-audit --no-fund)
fi
# The scripts are copied every time (cheap), so edits to them take effect.
cp tests/oidc/*.mjs "$SCHALTER_TEST_OIDC/"
if [ ! -d "$SCHALTER_TEST_OIDC/node_modules/oidc-provider" ]; then
  echo "error: oidc-provider is required for the OpenID Connect tests and could not be installed into $SCHALTER_TEST_OIDC" >&2
  exit 1
fi
