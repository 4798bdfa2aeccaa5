#!/usr/bin/env bash
# Regenerates the EF Core migration histories under
# tests/BlueGreen.Analyzers.Tests/Histories/ with EF Core's real scaffolder
# ("dotnet ef migrations add"). See README.md beside this file.
#
# Usage: tests/HistoryGenerator/generate.sh [HISTORY...]
#   HISTORY is the name of a template in templates/ (e.g. ef10-sqlite);
#   without arguments every template is generated.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out_root="$repo/tests/BlueGreen.Analyzers.Tests/Histories"

# A template names its scenario folder in <HistoryScenario> (default: scenario).
# The folder's steps.sh defines the steps (one "dotnet ef migrations add" per
# step, in order; step n compiles the folder's *.cs with the symbols
# STEP2..STEPn defined) and edit_step, the hand edits after a step.

if [ "$#" -gt 0 ]; then
  histories=("$@")
else
  histories=()
  for t in "$here"/templates/*.csproj.template; do
    histories+=("$(basename "$t" .csproj.template)")
  done
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/history-generator.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Runs a command with its output in a log; shows the log only if it fails.
run() {
  if ! "$@" >"$work/last.log" 2>&1; then
    cat "$work/last.log" >&2
    echo "generate.sh: failed: $*" >&2
    exit 1
  fi
}

# cut_statement FILE METHOD PATTERN SAVE_TO
# The body of METHOD (Up or Down) in FILE must be exactly one statement that
# matches the Perl regex PATTERN. Empties the body the way EF writes an empty
# one (a single blank line) and saves the statement's text, as EF wrote it, to
# SAVE_TO. Fails if the body is anything else.
cut_statement() {
  perl -e '
    my ($file, $method, $pattern, $save) = @ARGV;
    open my $in, "<:raw", $file or die "$file: $!\n";
    my $src = do { local $/; <$in> }; close $in;
    my $re = qr/(protected override void \Q$method\E\(MigrationBuilder migrationBuilder\)(\r?\n)[ \t]*\{\r?\n)($pattern)([ \t]*\})/;
    my $count = 0; $count++ while $src =~ /$re/g;
    $count == 1 or die "generate.sh: $file: the body of $method is not exactly the expected statement /$pattern/\n";
    $src =~ s/$re/$1$2$4/ or die;
    open my $o, ">:raw", $save or die "$save: $!\n"; print $o $3; close $o;
    open my $w, ">:raw", $file or die "$file: $!\n"; print $w $src; close $w;
  ' "$@"
}

# put_statement FILE METHOD STATEMENT_FILE
# The body of METHOD in FILE must be empty, as EF writes it (a single blank
# line). Replaces it with the text of STATEMENT_FILE. Fails otherwise.
put_statement() {
  perl -e '
    my ($file, $method, $stmt_file) = @ARGV;
    open my $in, "<:raw", $file or die "$file: $!\n";
    my $src = do { local $/; <$in> }; close $in;
    open my $s, "<:raw", $stmt_file or die "$stmt_file: $!\n";
    my $stmt = do { local $/; <$s> }; close $s;
    my $re = qr/(protected override void \Q$method\E\(MigrationBuilder migrationBuilder\)\r?\n[ \t]*\{\r?\n)\r?\n([ \t]*\})/;
    my $count = 0; $count++ while $src =~ /$re/g;
    $count == 1 or die "generate.sh: $file: the body of $method is not empty\n";
    $src =~ s/$re/$1$stmt$2/ or die;
    open my $w, ">:raw", $file or die "$file: $!\n"; print $w $src; close $w;
  ' "$@"
}

# The only migration file (not the .Designer.cs) of migration NAME in DIR.
migration_file() {
  local matches=("$1"/[0-9]*_"$2".cs)
  if [ "${#matches[@]}" -ne 1 ] || [ ! -f "${matches[0]}" ]; then
    echo "generate.sh: expected exactly one migration $2 in $1" >&2
    exit 1
  fi
  echo "${matches[0]}"
}

# Local tool dotnet-ef, pinned by the repository's .config/dotnet-tools.json.
# "dotnet ef" is always run from the repository root so that it finds it.
cd "$repo"
run dotnet tool restore

start=$SECONDS
for history in "${histories[@]}"; do
  template="$here/templates/$history.csproj.template"
  [ -f "$template" ] || { echo "generate.sh: no template $template" >&2; exit 1; }
  scenario="$(perl -ne 'print $1 if m{<HistoryScenario>([^<]+)</HistoryScenario>}' "$template")"
  scenario="${scenario:-scenario}"
  [ -f "$here/$scenario/steps.sh" ] || { echo "generate.sh: no $here/$scenario/steps.sh" >&2; exit 1; }
  unset -f edit_step
  # shellcheck source=/dev/null
  source "$here/$scenario/steps.sh"
  echo "== $history ($scenario)"
  history_start=$SECONDS
  project="$work/$history"
  mkdir -p "$project"
  rm -f "$work"/saved.*
  cp "$here/$scenario"/*.cs "$project/"
  cp "$template" "$project/Shop.csproj"
  # Stops MSBuild from looking further up for a Directory.Build.props; the
  # step's symbols are written into it below.
  echo '<Project />' >"$project/Directory.Build.props"
  run dotnet restore "$project/Shop.csproj"

  migrations="$project/Migrations"
  for i in "${!steps[@]}"; do
    step=$((i + 1))
    name="${steps[$i]}"
    symbols=""
    for ((s = 2; s <= step; s++)); do symbols="$symbols;STEP$s"; done
    cat >"$project/Directory.Build.props" <<EOF
<Project>
  <PropertyGroup>
    <DefineConstants>\$(DefineConstants)$symbols</DefineConstants>
  </PropertyGroup>
</Project>
EOF
    echo "   step $step: migrations add $name"
    run dotnet ef migrations add "$name" --project "$project/Shop.csproj" --output-dir Migrations

    file="$(migration_file "$migrations" "$name")"
    edit_step "$name" "$file"
  done

  dest="$out_root/$history"
  rm -rf "$dest"
  mkdir -p "$dest"
  cp "$migrations"/*.cs "$dest/"
  rm -rf "$project"
  echo "   done in $((SECONDS - history_start)) s"
done

echo "Done in $((SECONDS - start)) s: ${histories[*]} -> ${out_root#"$repo"/}/"
