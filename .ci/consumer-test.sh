#!/usr/bin/env bash
# Consumer test: builds tests/Consumer (the README quick start) against the packed TextLens packages, as a project
# outside this repository would. Reuses artifacts/packages when the three library packages are there (.ci/run
# packs first); packs them when they are missing or with --pack. Prints one line "consumer test: PASS|FAIL ...".
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
feed="$repo/artifacts/packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { echo "consumer test: FAIL ($1)"; exit 1; }

have_packages() {
  compgen -G "$feed/TextLens.Core.*.nupkg" >/dev/null &&
  compgen -G "$feed/TextLens.Analyzers.*.nupkg" >/dev/null &&
  compgen -G "$feed/TextLens.Extensions.DependencyInjection.*.nupkg" >/dev/null
}

if [ "${1:-}" = "--pack" ] || ! have_packages; then
  echo "== consumer: pack"
  dotnet pack TextLens.sln -c Release -o "$feed" -p:ContinuousIntegrationBuild=true || fail "dotnet pack failed"
fi

# The version comes from the packed files, nowhere else: TextLens.Core.<version>.nupkg (exactly one).
mapfile -t core < <(cd "$feed" && ls TextLens.Core.*.nupkg 2>/dev/null | grep -v '\.symbols\.nupkg$' || true)
[ "${#core[@]}" -eq 1 ] || fail "expected one TextLens.Core.*.nupkg in artifacts/packages, found ${#core[@]}: ${core[*]:-none}"
version=${core[0]#TextLens.Core.}
version=${version%.nupkg}
for id in TextLens.Analyzers TextLens.Extensions.DependencyInjection; do
  [ -f "$feed/$id.$version.nupkg" ] || fail "$id.$version.nupkg missing from artifacts/packages"
done
di_version=$(sed -n 's/.*PackageVersion Include="Microsoft.Extensions.DependencyInjection" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
[ -n "$di_version" ] || fail "no Microsoft.Extensions.DependencyInjection version in Directory.Packages.props"

work=$(mktemp -d "${TMPDIR:-/tmp}/textlens-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp tests/Consumer/Directory.Build.props tests/Consumer/Directory.Packages.props \
   tests/Consumer/TextLens.Consumer.csproj tests/Consumer/Program.cs "$work/"
# The local feed beside the default source (no <clear/>).
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="textlens-local" value="$feed" />
  </packageSources>
</configuration>
XML

echo "== consumer: TextLens $version from $feed (in $work)"
props=(-p:TextLensVersion="$version" -p:DependencyInjectionVersion="$di_version")
# A fresh packages folder: a stale global-cache copy of the same version cannot mask a broken package.
dotnet restore "$work/TextLens.Consumer.csproj" --packages "$work/packages" "${props[@]}" || fail "restore failed"
dotnet build "$work/TextLens.Consumer.csproj" --no-restore -c Release "${props[@]}" || fail "build failed"
if ! dotnet "$work/bin/Release/net10.0/TextLens.Consumer.dll"; then
  fail "the quick start program reported a mismatch or crashed"
fi
echo "consumer test: PASS (TextLens $version packages from artifacts/packages, README quick start)"
