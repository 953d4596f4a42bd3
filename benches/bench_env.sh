# Sourced by benches/compare.sh and benches/compare_spacy.sh (needs ROOT set):
# the timing tools (hyperfine, /usr/bin/time, installed from Debian when
# missing), `say`, and a release build of stance.

say() { printf '== %s\n' "$*" >&2; }

if ! command -v hyperfine >/dev/null; then
    say "installing hyperfine (Debian package)"
    apt-get install -y hyperfine >/dev/null 2>&1 ||
        { apt-get update >/dev/null && apt-get install -y hyperfine >/dev/null; }
fi
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
say "building stance (release)"
(cd "$ROOT" && cargo build --release --bin stance --quiet)
